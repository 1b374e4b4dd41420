// `npm run hq -- --port P --data DIR` and `npm run hq -- import FILE --data DIR`: the HQ server
// arrives with the sync feature (hq/).
console.error('npm run hq: not yet available — the HQ server arrives with the sync-to-headquarters feature.');
process.exit(2);
