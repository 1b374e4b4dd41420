// `npm run verify -- PATH`: independent verification of a sealed bundle or a device database.
// Sealing arrives with the sealing issue; until then there is nothing sealed to verify.
console.error('npm run verify: not yet available — sealed records and bundles arrive with the sealing feature.');
process.exit(2);
