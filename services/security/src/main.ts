import { amqpConsumer, bootstrapService } from '@hotline/platform';
import { AppModule } from './app.module';
import { evidenceBodyLimit, evidenceMaxBytes } from './incidents/evidence-max-bytes';

// JSON bodies up to what the largest evidence (base64) needs; the evidence route checks its own limit.
const bodyLimit = evidenceBodyLimit(evidenceMaxBytes(process.env['SECURITY_EVIDENCE_MAX_BYTES']));

void bootstrapService(AppModule, { name: 'security', defaultPort: 3004, microservice: amqpConsumer('security'), bodyLimit });
