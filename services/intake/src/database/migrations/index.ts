import { outboxParkingMigration } from '@hotline/messaging';
import { CreateIntakeSchema1764028800000 } from './1764028800000-create-intake-schema';
import { CreateDeliveries1764115200000 } from './1764115200000-create-deliveries';
import { CreatePlatformCredentials1764288417000 } from './1764288417000-create-platform-credentials';

/** Intake's migrations in order; a new one is appended here. */
export const INTAKE_MIGRATIONS = [
  CreateIntakeSchema1764028800000,
  CreateDeliveries1764115200000,
  CreatePlatformCredentials1764288417000,
  outboxParkingMigration('intake'),
];
