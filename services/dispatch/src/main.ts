import { amqpConsumer, bootstrapService } from '@hotline/platform';
import { AppModule } from './app.module';

void bootstrapService(AppModule, { name: 'dispatch', defaultPort: 3002, microservice: amqpConsumer('dispatch') });
