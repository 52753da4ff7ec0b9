# Independent reference for OrderFlowRecordingTest: volume profile and footprint of the spot BTCUSDT trades in
# ../shared/data/binance-ws-raw-2024-08-08/spot_btcusdt_20240808.gz, computed from scratch (no incremental state).
#
#   zcat spot_btcusdt_20240808.gz | mawk -f orderflow-reference.awk > orderflow-reference.txt
#
# Input lines: "<local receive ns> <raw JSON>"; trade messages carry "e":"trade", price p, quantity q, trade time T
# (epoch ms) and m (buyer is maker: true = the taker sold, at the bid; false = the taker bought, at the ask).
# Bins: int(p / BIN + 1e-9) (prices are positive, so int() is floor). Output (bins as integer indices):
#   profile <trade#> <T> <pocBin> <vahBin> <valBin> <totalVolume> <valueAreaVolume>
#   pbin <trade#> <bin> <volume>                for every non-empty bin of that window
#   bar <startMs> <trades> <bidVol> <askVol> <delta> <cumulativeDeltaAtClose> <buyImbalances> <sellImbalances>
#       imbalances at RATIO 3: bins b in (low, high] with ask(b) > 0 and ask(b) >= 3 * bid(b - 1) (a zero bid counts),
#       and bins b in [low, high) with bid(b) > 0 and bid(b) >= 3 * ask(b + 1)
#   cell <startMs> <bin> <bidVol> <askVol>      for every bin of every bar that traded
BEGIN {
    BIN = 5.0; WINDOW = 120000; BAR = 60000; FRACTION = 0.70; RATIO = 3
    CHECK[1000] = 1; CHECK[5000] = 1; CHECK[9757] = 1
    n = 0; cum = 0
}
function field(s, key,    i, rest) {
    i = index(s, "\"" key "\":")
    rest = substr(s, i + length(key) + 3)
    if (substr(rest, 1, 1) == "\"") {
        rest = substr(rest, 2)
        return substr(rest, 1, index(rest, "\"") - 1)
    }
    match(rest, /^[^,}]+/)
    return substr(rest, 1, RLENGTH)
}
function profile(k,    j, cutoff, lo, hi, b, total, best, bestv, mid2, d, up, dn, area, above, below, target) {
    cutoff = T[k] - WINDOW
    delete vol
    lo = ""; hi = ""; total = 0
    for (j = 1; j <= k; j++) {
        if (T[j] > cutoff) {
            vol[B[j]] += Q[j]
            if (lo == "" || B[j] < lo) lo = B[j]
            if (hi == "" || B[j] > hi) hi = B[j]
        }
    }
    mid2 = lo + hi; best = lo; bestv = -1
    for (b = lo; b <= hi; b++) {
        v = (b in vol) ? vol[b] : 0
        total += v
        d = 2 * b - mid2; if (d < 0) d = -d
        e = 2 * best - mid2; if (e < 0) e = -e
        if (v > bestv || (v == bestv && d < e)) { best = b; bestv = v }
    }
    target = FRACTION * total; up = best; dn = best; area = bestv
    while (area < target && (up < hi || dn > lo)) {
        above = -1; below = -1
        if (up < hi) { above = ((up + 1) in vol ? vol[up + 1] : 0); if (up + 1 < hi) above += ((up + 2) in vol ? vol[up + 2] : 0) }
        if (dn > lo) { below = ((dn - 1) in vol ? vol[dn - 1] : 0); if (dn - 1 > lo) below += ((dn - 2) in vol ? vol[dn - 2] : 0) }
        if (below > above) { dn -= 2; if (dn < lo) dn = lo; area += below }
        else { up += 2; if (up > hi) up = hi; area += above }
    }
    printf "profile %d %.0f %d %d %d %.17g %.17g\n", k, T[k], best, up, dn, total, area
    for (b = lo; b <= hi; b++) if (b in vol) printf "pbin %d %d %.17g\n", k, b, vol[b]
}
/"e":"trade"/ {
    n++
    p = field($0, "p") + 0; q = field($0, "q") + 0; t = field($0, "T") + 0; m = field($0, "m")
    if (n > 1 && t < T[n - 1]) { print "trade times go back at trade " n > "/dev/stderr"; exit 1 }
    T[n] = t; Q[n] = q; B[n] = int(p / BIN + 1e-9)
    start = int(t / BAR)    # the bar's index (its start / BAR): mawk would turn a 13-digit key into "%.6g" text
    if (!(start in bars)) { bars[start] = 1; order[++nbars] = start }
    if (m == "true") { bid[start, B[n]] += q; bbid[start] += q; cum -= q }
    else { ask[start, B[n]] += q; bask[start] += q; cum += q }
    btrades[start]++; bcum[start] = cum
    if (!((start, B[n]) in seen)) { seen[start, B[n]] = 1; if (!(start in blo) || B[n] < blo[start]) blo[start] = B[n]; if (!(start in bhi) || B[n] > bhi[start]) bhi[start] = B[n] }
    if (n in CHECK) profile(n)
}
END {
    for (i = 1; i <= nbars; i++) {
        s = order[i]
        nbuy = 0; nsell = 0
        for (b = blo[s]; b <= bhi[s]; b++) {
            a = ask[s, b] + 0; d = bid[s, b] + 0
            if (b > blo[s] && a > 0 && a >= RATIO * (bid[s, b - 1] + 0)) nbuy++
            if (b < bhi[s] && d > 0 && d >= RATIO * (ask[s, b + 1] + 0)) nsell++
        }
        printf "bar %.0f %d %.17g %.17g %.17g %.17g %d %d\n", s * BAR, btrades[s], bbid[s], bask[s], bask[s] - bbid[s], bcum[s], nbuy, nsell
        for (b = blo[s]; b <= bhi[s]; b++) if ((s, b) in seen) printf "cell %.0f %d %.17g %.17g\n", s * BAR, b, bid[s, b] + 0, ask[s, b] + 0
    }
}
