# Reference one-second bars for RecordingBarsTest, computed independently of Quantplug from the raw recording.
#
# Run from the repository root (Python 3, standard library only):
#   python3 web/src/test/resources/io/quantplug/app/recording-bars-reference.py \
#     ../shared/data/binance-ws-raw-2024-08-08/spot_btcusdt_20240808.gz \
#     > web/src/test/resources/io/quantplug/app/recording-bars-reference.txt
#
# Every `trade` message (combined-stream envelope) goes to the second of its trade time T (exchange milliseconds,
# floor to 1000): open = first price, high/low = extremes, close = last price, volume = exact decimal sum of the
# quantities. Prints one line per second that has a trade: open time (ms), open, high, low, close, volume, with the
# prices and the volume as exact decimals.
import gzip
import json
import sys
from decimal import Decimal

bars = {}
order = []
with gzip.open(sys.argv[1], 'rt') as f:
    for line in f:
        _, _, payload = line.partition(' ')
        msg = json.loads(payload)
        data = msg.get('data', msg)
        if not isinstance(data, dict) or data.get('e') != 'trade':
            continue
        t = data['T'] // 1000 * 1000
        p = Decimal(data['p'])
        q = Decimal(data['q'])
        if t not in bars:
            bars[t] = [p, p, p, p, Decimal(0)]
            order.append(t)
        b = bars[t]
        b[1] = max(b[1], p)
        b[2] = min(b[2], p)
        b[3] = p
        b[4] += q
for t in order:
    o, h, l, c, v = bars[t]
    print(t, o.normalize(), h.normalize(), l.normalize(), c.normalize(), v.normalize())
