// Reference selections for LargestTriangleThreeBucketsTest, by the npm package downsample-lttb 0.0.1 (Sveinn
// Steinarsson's Largest-Triangle-Three-Buckets, reshaped into a node module by Matej Drolc, MIT).
//
// Run from the repository root (Node.js 20):
//   npm install --prefix /tmp/lttbref downsample-lttb@0.0.1
//   NODE_PATH=/tmp/lttbref/node_modules node platform-runtime/src/test/resources/io/quantplug/runtime/analytics/lttb-reference.js \
//     ../shared/data/binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2022chunk.csv > \
//     platform-runtime/src/test/resources/io/quantplug/runtime/analytics/lttb-reference.txt
//
// The series is (open time in epoch milliseconds, close) of every row. For each threshold the script prints a line
// "threshold N" and then the open times of the points kept, one per line.
const fs = require('fs');
const lttb = require('downsample-lttb');

const file = process.argv[2];
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').slice(1);
const series = rows.map(line => {
  const f = line.split(',');
  return [Date.parse(f[0].replace(' ', 'T') + 'Z'), Number(f[4])];
});
for (const threshold of [3, 50, 1000]) {
  const kept = lttb.processData(series, threshold);
  console.log(`threshold ${threshold}`);
  for (const [x] of kept) {
    console.log(x);
  }
}
