import { amqpConsumer, bootstrapService } from '@hotline/platform';
import { AppModule } from './app.module';

void bootstrapService(AppModule, { name: 'quality', defaultPort: 3003, microservice: amqpConsumer('quality') });
