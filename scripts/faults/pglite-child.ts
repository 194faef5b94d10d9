/**
 * The embedded database alone in a process, as `npm start` runs it, so the
 * fault test can SIGKILL it. Usage: tsx pglite-child.ts <dataDir> <port>.
 */
import { startEmbeddedPostgres } from "../embedded-postgres.ts";

const [dataDir, port] = process.argv.slice(2);
const started = Date.now();
await startEmbeddedPostgres({ dataDir, port: Number(port) });
console.log(`ready ${Date.now() - started}`);
setInterval(() => {}, 1 << 30);
