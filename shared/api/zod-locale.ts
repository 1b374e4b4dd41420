// zod's own messages (wrong type, too long …) in Simplified Chinese, for every process that
// validates with the contract. Field-specific messages are written in the schemas themselves.
import { z } from 'zod';

z.config(z.locales.zhCN());
