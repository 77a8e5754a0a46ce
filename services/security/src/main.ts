import { amqpConsumer, bootstrapService } from '@hotline/platform';
import { AppModule } from './app.module';

void bootstrapService(AppModule, { name: 'security', defaultPort: 3004, microservice: amqpConsumer('security') });
