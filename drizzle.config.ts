import { defineConfig } from 'drizzle-kit';

// Migrations are generated from electron/db/schema.ts into drizzle/ (SQL + meta/, committed together)
// and applied on open by the app and the CLI. Never `drizzle-kit push` against user data.
export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/db/schema.ts',
  out: './drizzle',
});
