import { CreateIntakeSchema1764028800000 } from './1764028800000-create-intake-schema';
import { CreateDeliveries1764115200000 } from './1764115200000-create-deliveries';

/** Intake's migrations in order; a new one is appended here. */
export const INTAKE_MIGRATIONS = [CreateIntakeSchema1764028800000, CreateDeliveries1764115200000];
