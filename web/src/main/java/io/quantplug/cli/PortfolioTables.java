package io.quantplug.cli;

import io.quantplug.runtime.report.PortfolioDocument;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints the per-strategy and per-instrument tables of a portfolio backtest, after the account's metrics table:
 * columns aligned, money in the account currency with two decimals, ratios as {@link MetricsTable} writes them.
 */
final class PortfolioTables {

    private PortfolioTables() {
    }

    static void print(PortfolioDocument d, PrintWriter out) {
        String ccy = d.run().currency();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Strategy", "Instruments", "Trades", "Net P&L", "Fees", "Win rate", "Profit factor",
            "Average trade"});
        for (PortfolioDocument.StrategyEntry s : d.strategies()) {
            rows.add(new String[] {s.strategy(), String.valueOf(s.instruments().size()), count(s.trades()),
                MetricsTable.money(s.netPnl(), ccy), MetricsTable.money(s.fees(), ccy), MetricsTable.pct(s.winRate()),
                MetricsTable.ratio(s.profitFactor()), MetricsTable.money(s.averageTrade(), ccy)});
        }
        out.println("By strategy:");
        table(rows, out);
        rows.clear();
        boolean funding = d.instruments().stream().anyMatch(i -> i.funding() != null);
        rows.add(funding ? new String[] {"Instrument", "Bars", "Trades", "Net P&L", "Fees", "Funding"}
                : new String[] {"Instrument", "Bars", "Trades", "Net P&L", "Fees"});
        for (PortfolioDocument.InstrumentEntry i : d.instruments()) {
            String[] row = {i.instrument(), count(i.bars()), count(i.trades()),
                MetricsTable.money(i.netPnl(), ccy), MetricsTable.money(i.fees(), ccy)};
            if (funding) {
                row = Arrays.copyOf(row, 6);
                row[5] = i.funding() == null ? "" : MetricsTable.money(i.funding(), ccy);
            }
            rows.add(row);
        }
        out.println("By instrument:");
        table(rows, out);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The first column left-aligned, the others right-aligned, two spaces apart. */
    private static void table(List<String[]> rows, PrintWriter out) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder("  ");
            for (int c = 0; c < r.length; c++) {
                String cell = r[c];
                String pad = " ".repeat(width[c] - cell.length());
                b.append(c == 0 ? cell + pad : pad + cell).append(c < r.length - 1 ? "  " : "");
            }
            out.println(b.toString().stripTrailing());
        }
    }
}
