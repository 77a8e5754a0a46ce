import { BaseRpcContext } from '@nestjs/microservices';
import type { ConsumeMessage } from 'amqplib';

type AmqpContextArgs = [message: ConsumeMessage, queue: string, attempt: number];

/** What a handler can learn about the delivery it is handling (`@Ctx() ctx: AmqpContext`). */
export class AmqpContext extends BaseRpcContext<AmqpContextArgs> {
  getMessage(): ConsumeMessage {
    return this.args[0];
  }
  /** The queue the delivery came from, e.g. `quality.kpis`; inbox rows are keyed by it. */
  getQueue(): string {
    return this.args[1];
  }
  /** 1 for the first delivery, 2 after one retry, and so on. */
  getAttempt(): number {
    return this.args[2];
  }
}
