import { bootstrapService } from '@hotline/platform';
import { AppModule } from './app.module';

void bootstrapService(AppModule, { name: 'intake', defaultPort: 3001 });
