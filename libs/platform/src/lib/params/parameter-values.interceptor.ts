import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { ValidationProblem } from '../errors/problem';
import { parameterValueErrors } from './parameter-value-errors';

/**
 * Global: refuses, with a 400 problem naming each parameter, any path or query parameter holding
 * NUL or a lone surrogate, on every route of every service, so no handler can pass one to
 * PostgreSQL (a 500) by forgetting to check. An interceptor runs after the guards, so an anonymous
 * caller still gets its 401 first, and before any pipe or handler reads a parameter. Shapes
 * (a day, a uuid) stay each route's own validation.
 */
@Injectable()
export class ParameterValuesInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const req = context.switchToHttp().getRequest<Request>();
      const errors = [...parameterValueErrors('params', req.params), ...parameterValueErrors('query', req.query)];
      if (errors.length > 0) throw new ValidationProblem(errors, 'A path or query parameter is not usable text; see errors.');
    }
    return next.handle();
  }
}
