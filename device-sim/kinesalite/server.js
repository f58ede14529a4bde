// Starts kinesalite (in memory) on loopback. Usage: node server.js [PORT]; PORT 0 picks a free one.
// Prints "kinesalite listening on PORT" once it accepts requests; stops on SIGTERM, SIGINT or when
// its standard input closes (so it never outlives the Java process that started it).
'use strict';
const kinesalite = require('kinesalite');

const port = Number(process.argv[2] || 0);
const server = kinesalite({ createStreamMs: 50, deleteStreamMs: 50, updateStreamMs: 50, shardLimit: 100 });
server.listen(port, '127.0.0.1', () => {
  console.log(`kinesalite listening on ${server.address().port}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (process.argv.includes('--exit-with-stdin')) {
  process.stdin.on('end', stop);
  process.stdin.resume();
}
