// Preloaded into the Next.js server that `npm start` spawns (node --require). If the launcher
// dies without a chance to stop it (SIGKILL, OOM kill), the server would live on as an orphan,
// holding the port while its embedded database is gone. It checks its parent once a second
// and shuts itself down cleanly when the parent has changed.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    console.error("gloss: the launcher is gone; stopping the server");
    process.kill(process.pid, "SIGTERM");
  }
}, 1000).unref();
