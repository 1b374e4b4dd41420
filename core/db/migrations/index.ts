import type { Migration } from '../../../protocol/runtime/migrate.ts';
import { migration001 } from './001-initial.ts';
import { migration002 } from './002-documents.ts';
import { migration003 } from './003-evidence.ts';
import { migration004 } from './004-signatures.ts';
import { migration005 } from './005-seals.ts';
import { migration006 } from './006-corrections.ts';
import { migration007 } from './007-sync.ts';
import { migration008 } from './008-security.ts';
import { migration009 } from './009-milestones.ts';
import { migration010 } from './010-milestones-append-only.ts';
import { migration011 } from './011-conduct-and-law.ts';
import { migration012 } from './012-document-types-open.ts';
import { migration013 } from './013-signature-how.ts';
import { migration014 } from './014-hq-trust.ts';
import { migration015 } from './015-timeline.ts';
import { migration016 } from './016-document-context.ts';

/** Every migration, in order. Append only: never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
];
