import { outboxParkingMigration } from '@hotline/messaging';
import { CreateIntakeSchema1764028800000 } from './1764028800000-create-intake-schema';
import { CreateDeliveries1764115200000 } from './1764115200000-create-deliveries';
import { CreatePlatformCredentials1764288417000 } from './1764288417000-create-platform-credentials';
import { KeyEventsBySource1795991874000 } from './1795991874000-key-events-by-source';
import { AddEventContentHash1795991875000 } from './1795991875000-add-event-content-hash';
import { CreateStandardVersions1796000000000 } from './1796000000000-create-standard-versions';
import { CreateConnectResourceNames1796600000000 } from './1796600000000-create-connect-resource-names';

/** Intake's migrations in order; a new one is appended here. */
export const INTAKE_MIGRATIONS = [
  CreateIntakeSchema1764028800000,
  CreateDeliveries1764115200000,
  CreatePlatformCredentials1764288417000,
  outboxParkingMigration('intake'),
  KeyEventsBySource1795991874000,
  AddEventContentHash1795991875000,
  CreateStandardVersions1796000000000,
  CreateConnectResourceNames1796600000000,
];
