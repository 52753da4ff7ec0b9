# Independent reference for BookCommandIT: replays each shared Binance recording with Binance's documented local
# order book procedure (spot: U <= L+1 <= u then U == previous u + 1; futures: U <= L <= u then pu == previous u),
# tracking only update ids, and counts the bookTickers that land exactly on an update id the book reaches while
# they wait (a ticker arriving after the book has passed its id is not comparable). Plain Python 3, no Quantplug code.
# Run: python3 book-verify-reference.py ../shared/data/binance-ws-raw-2024-08-08/
import gzip, json, sys
def run(files):
    events=depth=tickers=snaps=0
    L=None; last=None; insync=False; buffered=[]; waiting=set(); checks=0; futures=None; unsynced=0; gaps=0
    def apply_buffer():
        nonlocal last, insync, buffered
        pend=buffered; buffered=[]
        for d in pend:
            step(d)
    def step(d):
        nonlocal last, insync, gaps
        U,u,pu=d
        if last is None:   # awaiting snapshot
            buffered.append(d); return
        if not insync:
            stale = u < last if futures else u <= last
            if stale: return
            br = (U <= last <= u) if futures else (U <= last+1 <= u)
            if not br: raise Exception("gap at bridge")
        else:
            if u <= last: return
            cont = (pu == last) if futures else (U == last+1)
            if not cont: raise Exception("gap")
        last=u; insync=True
    for f in files:
        for line in gzip.open(f,'rt'):
            events+=1
            js=json.loads(line.split(' ',1)[1])
            if 'lastUpdateId' in js:
                snaps+=1; L=js['lastUpdateId']; last=L; insync=False; apply_buffer()
                if insync:
                    if last in waiting: checks+=1
                    waiting={w for w in waiting if w>last}
                continue
            d=js['data']
            if d.get('e')=='depthUpdate':
                depth+=1
                if futures is None: futures = 'pu' in d
                step((d['U'],d['u'],d.get('pu',-1)))
                if not insync: unsynced+=1
                else:
                    if last in waiting: checks+=1; waiting.discard(last)
                    waiting={w for w in waiting if w>last}
            elif d.get('e')=='bookTicker' or ('u' in d and 'B' in d):
                tickers+=1
                if futures is None: continue   # no book yet: the verifier has no matcher before the first depth event
                u=d['u']
                if insync and u==last: checks+=1
                elif (not insync) or u>last: waiting.add(u)
    print(files[0].split('/')[-1], "events",events,"depth",depth,"tickers",tickers,"snapshots",snaps,"checks",checks,"unsynced",unsynced,"futures",futures)
D=sys.argv[1].rstrip("/") + "/"
for fs in [["spot_btcusdt_20240808.gz"],["spot_btcusdt_20240808.gz","spot_btcusdt_20240809.gz"],["spot_btcusdt_20240809.gz"],["spot_ethusdt_20240808.gz"],["spot_ethusdt_20240808.gz","spot_ethusdt_20240809.gz"],["spot_ethusdt_20240809.gz"],["usdm_btcusdt_20240808.gz"],["usdm_ethusdt_20240808.gz"],["cm_btcusd_perp_20240808.gz"],["cm_btcusd_perp_20240808.gz","cm_btcusd_perp_20240809.gz"],["cm_btcusd_perp_20240809.gz"]]:
    run([D+f for f in fs])

# Output (2024-08-08 recordings):
# spot_btcusdt_20240808.gz events 41249 depth 3451 tickers 28040 snapshots 1 checks 564 unsynced 3 futures False
# spot_btcusdt_20240808.gz events 99574 depth 6495 tickers 73174 snapshots 1 checks 1072 unsynced 3 futures False
# spot_btcusdt_20240809.gz events 58325 depth 3044 tickers 45134 snapshots 0 checks 0 unsynced 3044 futures False
# spot_ethusdt_20240808.gz events 33618 depth 3434 tickers 24077 snapshots 1 checks 577 unsynced 2 futures False
# spot_ethusdt_20240808.gz events 79744 depth 6470 tickers 58758 snapshots 1 checks 1056 unsynced 2 futures False
# spot_ethusdt_20240809.gz events 46126 depth 3036 tickers 34681 snapshots 0 checks 0 unsynced 3036 futures False
# usdm_btcusdt_20240808.gz events 93954 depth 6551 tickers 66089 snapshots 1 checks 629 unsynced 6 futures True
# usdm_ethusdt_20240808.gz events 74655 depth 6586 tickers 53992 snapshots 1 checks 551 unsynced 7 futures True
# cm_btcusd_perp_20240808.gz events 48270 depth 26847 tickers 19136 snapshots 1 checks 1124 unsynced 25 futures True
# cm_btcusd_perp_20240808.gz events 98386 depth 44795 tickers 48355 snapshots 1 checks 1885 unsynced 25 futures True
# cm_btcusd_perp_20240809.gz events 50116 depth 17948 tickers 29219 snapshots 0 checks 0 unsynced 17948 futures True
