package io.quantplug.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Timeframe;
import io.quantplug.plugins.binance.testserver.BinanceTestExchange;
import io.quantplug.plugins.binance.testserver.Fixtures;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.plugin.PluginInfo;
import io.quantplug.runtime.plugin.PluginStatus;
import io.quantplug.runtime.report.HtmlReport;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.testsupport.SharedData;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven by Selenium
 * through an explicit {@link ChromeDriverService}, so Selenium Manager never runs). An admin signs in through the
 * page; a broken jar dropped on the plugins page is refused with the server's message; the {@code rsi-reversion}
 * jar uploaded through the file input installs the strategy (the server starts without it); the real March 2023
 * Binance.US 1-minute bars are uploaded; the backtest form shows the server's validation messages next to the
 * fields they name; a backtest runs; its result page draws the candlestick chart and lists as many trades as the
 * API's result, sorted by P&amp;L with the mouse and reversed with the keyboard; the dashboard, strategies, risk,
 * audit and users pages show the run's traces; a viewer then sees no Users page and no controls that change state.
 * Every step leaves a screenshot in {@code web/target/screenshots/}. Skipped without {@code /usr/bin/chromedriver}
 * unless {@code CI=true}, where that fails.
 */
@Tag("browser")
class ConsoleBrowserIT {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String MARCH = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";
    private static final String DATA_SET = "BTCUSDT_1m_20230301_20230321.csv";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestServer server;
    private WebDriver driver;
    private WebDriverWait wait;
    private JavascriptExecutor js;
    private Path profile;
    private Path uploads;
    private Path screenshots;
    private int shots;
    private long started;

    @BeforeEach
    void start() throws IOException {
        started = System.nanoTime();
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            String message = CHROMEDRIVER + " or " + CHROMIUM + " is missing (apt-get install -y chromium"
                    + " chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; CI=true, so the browser test may not be skipped");
            }
            Assumptions.abort(message + "; skipping the browser test");
        }
        SharedData.require(MARCH);
        Path dist = Path.of(System.getProperty("quantplug.dist", "target/quantplug"));
        screenshots = Files.createDirectories(dist.toAbsolutePath().getParent().resolve("screenshots"));
        server = TestServer.start(List.of("sma-crossover", "risk-basics"), Clock.systemUTC());
        profile = Files.createTempDirectory("quantplug-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The service's own constructor, not ChromeDriverService.Builder: the Builder carries @AutoService, whose
        // annotation jar is not on the test class path, and javac's warning about it fails the -Werror build.
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ChromeDriverService service = new ChromeDriverService(CHROMEDRIVER.toFile(), port, Duration.ofSeconds(20),
                List.of("--port=" + port), Map.of("SE_AVOID_STATS", "true"));
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
        // lists re-render on live events (an upload sends two plugin events): an element found a moment ago may be
        // replaced before its attribute is read, so a wait looks it up again
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        js = (JavascriptExecutor) driver;
        log("server and browser started");
    }

    private void log(String what) {
        System.out.printf("ConsoleBrowserIT: %5.1f s %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    @AfterEach
    void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        for (Path dir : new Path[] {profile, uploads}) {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    void adminInstallsAStrategyUploadsBarsRunsABacktestAndSortsItsTrades() throws IOException {
        signIn();
        installPlugin();
        uploadBars();
        long job = runBacktest();
        checkResult(job);
        visitOtherPages(job);
        signOutAndSignInAsViewer(job);
        assertNoScriptErrors();
    }

    /**
     * A study of {@code quantplug optimize} with walk-forward windows, stored, in the backtests page's list and on
     * its own page: the heat map of the objective over the two varied parameters (the best trial outlined), the
     * out-of-sample equity of the windows, and the trials.
     */
    @Test
    void aStoredStudyShowsItsHeatMapAndItsWalkForwardWindows() throws Exception {
        Path hourly = SharedData.require("binance-spot-1h-2021-2023/BTCUSDT_1h.csv");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = io.quantplug.cli.QuantplugCli.run(
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                "optimize", "--data", hourly.toString(), "--symbol", "BTCUSDT", "--tick-size", "0.01", "--strategy",
                "sma-crossover", "--grid", "fast=5..20:5", "--grid", "slow=30..90:30", "--walk-forward",
                "in=180d,out=90d", "--workers", "2", "--json", "--no-store", "--home",
                Files.createTempDirectory("quantplug-study").toString());
        assertThat(code).isZero();
        String document = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode study = new com.fasterxml.jackson.databind.ObjectMapper().readTree(document);
        long id = server.store.runs().recordStudy("sma-crossover", "BTCUSDT.BINANCE", "1h",
                java.time.Instant.parse("2021-04-04T20:00:00Z"), java.time.Instant.parse("2023-12-31T23:00:00Z"),
                document, study.get("trials").size(), "admin");
        log("study " + id + " stored");

        signIn();
        driver.get(server.url() + "/backtests.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#study-" + id + " a.study-link")))
                .click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-rendered", "true"));
        assertThat(driver.findElement(By.id("title")).getText())
                .isEqualTo("Study " + id + ": sma-crossover on BTCUSDT.BINANCE (1h)");
        // 4 fast x 3 slow values: twelve cells, the best one outlined with its Sharpe ratio
        assertThat(driver.findElements(By.cssSelector("table.heatmap td.heat"))).hasSize(12);
        WebElement best = driver.findElement(By.cssSelector("table.heatmap td.best"));
        assertThat(best.getAttribute("title")).startsWith("fast=" + study.at("/best/parameters/fast").asText()
                + ", slow=" + study.at("/best/parameters/slow").asText() + ": sharpe ");
        assertThat(driver.findElements(By.cssSelector("#windows tbody tr"))).hasSize(study.get("windows").size());
        assertThat(driver.findElements(By.cssSelector("svg.walk-equity circle")))
                .hasSize(study.get("windows").size() + 1);
        assertThat(driver.findElements(By.cssSelector("#trials tbody tr"))).hasSize(12);
        assertThat(driver.findElement(By.id("summary")).getText()).contains("Deflated Sharpe Ratio", "PBO");
        screenshot("study");
        assertNoScriptErrors();
    }

    /**
     * A portfolio backtest (submitted through the API over two uploaded hourly data sets) in the backtests list and
     * on its result page: the account's metrics, equity and drawdown charts, the per-strategy and per-instrument
     * tables, and the trades with their instrument; no price chart.
     */
    @Test
    void portfolioResultShowsTheAccountTheBreakdownsAndTheTradesInstruments() throws Exception {
        String trader = server.token("trader");
        for (String pair : PortfolioApiIT.PAIRS) {
            Path csv = SharedData.require(PortfolioApiIT.DIR + pair + "_1h.csv");
            assertThat(server.upload("/api/datasets", trader, csv.getFileName().toString(), Files.readAllBytes(csv))
                    .status()).isEqualTo(201);
        }
        String body = """
                {"portfolio": {"instruments": [{"dataset": "BTCUSDT_1h.csv", "dropLastBars": 1},
                                               {"dataset": "ETHUSDT_1h.csv", "dropLastBars": 1}],
                  "strategies": [{"id": "sma-crossover", "params": {"fast": "10", "slow": "30"}}]}}""";
        long id = server.send("POST", "/api/backtests", trader, body).json().get("id").asLong();
        JsonNode job = server.awaitJob(trader, id);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        JsonNode result = server.send("GET", "/api/backtests/" + id + "/result", trader, null).json();
        log("portfolio backtest " + id + " completed");

        signIn();
        driver.get(server.url() + "/backtests.html");
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("job-" + id)));
        assertThat(row.getText()).contains("portfolio", "BTCUSDT_1h.csv", "ETHUSDT_1h.csv");
        row.findElement(By.cssSelector("a.result-link")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-rendered", "true"));
        assertThat(driver.findElement(By.id("title")).getText()).contains("sma-crossover on 2 instruments (1h)");
        assertThat(driver.findElement(By.id("price-card")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("metrics")).getText()).contains("Net profit", "Sharpe", "Max drawdown");
        assertThat(distinctCanvasColours("equity-chart")).isGreaterThan(3);
        assertThat(driver.findElement(By.id("drawdown-chart")).getAttribute("data-rendered")).isEqualTo("true");
        assertThat(driver.findElements(By.cssSelector("#strategies tbody tr td:first-child")).stream()
                .map(WebElement::getText)).containsExactly("sma-crossover:fast=10,slow=30");
        List<String> instruments = driver.findElements(By.cssSelector("#instruments tbody tr td:first-child"))
                .stream().map(WebElement::getText).toList();
        assertThat(instruments).containsExactly("BTCUSDT.BINANCE", "ETHUSDT.BINANCE");
        assertThat(driver.findElements(By.cssSelector("#trades tbody tr"))).hasSize(result.get("trades").size());
        List<String> headers = driver.findElements(By.cssSelector("#trades thead th")).stream()
                .map(WebElement::getText).toList();
        assertThat(headers).contains("Instrument", "Strategy");
        int column = headers.indexOf("Instrument") + 1;
        assertThat(driver.findElements(By.cssSelector("#trades tbody tr td:nth-child(" + column + ")")).stream()
                .map(WebElement::getText).distinct()).containsExactlyInAnyOrder("BTCUSDT.BINANCE", "ETHUSDT.BINANCE");
        screenshot("portfolio-result");
        assertNoScriptErrors();
    }

    /**
     * A funding-arbitrage portfolio on a spot and a perpetual leg of BTCUSDT, submitted through the API with the
     * recorded funding inline: its result page shows the Funding column of the perpetual leg and the card of its
     * funding payments, one row a payment, under the leverage and margin mode.
     */
    @Test
    void aPerpetualPortfolioShowsItsFundingLegAndPayments() throws Exception {
        server.close();
        server = TestServer.start(List.of("perpetuals"), Clock.systemUTC());
        String trader = server.token("trader");
        Path spot = SharedData.require("binance-spot-1h-2021-2023/BTCUSDT_1h.csv");
        Path perp = SharedData.require("binance-usdm-perp-1h-1d-2020-2024/BTCUSDT_1h.csv");
        assertThat(server.upload("/api/datasets", trader, "BTCUSDT_1h.csv", Files.readAllBytes(spot)).status())
                .isEqualTo(201);
        assertThat(server.upload("/api/datasets", trader, "BTCUSDT_perp_1h.csv", Files.readAllBytes(perp)).status())
                .isEqualTo(201);
        String rates = Files.readString(SharedData.require(
                "binance-usdm-funding-rates/BTCUSDT_funding_rate_pct_2022-11_2025-11.json"));
        String body = """
                {"portfolio": {"instruments": [
                    {"dataset": "BTCUSDT_1h.csv", "from": "2022-11-04", "to": "2023-03-01"},
                    {"dataset": "BTCUSDT_perp_1h.csv", "symbol": "BTCUSDT", "market": "usdm", "from": "2022-11-04",
                     "to": "2023-03-01", "funding": {"unit": "percent", "rates": %s}}],
                  "strategies": [{"id": "funding-arbitrage", "subscribe": ["BTCUSDT.BINANCE", "BTCUSDT.BINANCE_USDM"],
                                  "params": {"entryApr": "8", "exitApr": "2"}}]}}""".formatted(rates);
        TestServer.Response created = server.send("POST", "/api/backtests", trader, body);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        long id = created.json().get("id").asLong();
        JsonNode job = server.awaitJob(trader, id);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        JsonNode result = server.send("GET", "/api/backtests/" + id + "/result", trader, null).json();
        int payments = result.get("perpetual").get("funding").size();
        assertThat(payments).isPositive();
        log("perpetual portfolio " + id + " completed, " + payments + " funding payments");

        signIn();
        driver.get(server.url() + "/backtest.html?id=" + id);
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-rendered", "true"));
        assertThat(driver.findElement(By.id("title")).getText()).isEqualTo("funding-arbitrage on 2 instruments (1h)");
        assertThat(driver.findElements(By.cssSelector("#instruments thead th")).stream().map(WebElement::getText))
                .contains("Funding");
        assertThat(driver.findElements(By.cssSelector("#instruments tbody tr td:first-child")).stream()
                .map(WebElement::getText)).containsExactly("BTCUSDT.BINANCE", "BTCUSDT.BINANCE_USDM");
        assertThat(driver.findElement(By.id("funding-card")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("funding-title")).getText()).contains("1x cross margin",
                "mark price: bar close");
        assertThat(driver.findElements(By.cssSelector("#funding tbody tr"))).hasSize(payments);
        assertThat(driver.findElement(By.id("liquidations-card")).isDisplayed()).isFalse();
        screenshot("perpetual-portfolio");
        assertNoScriptErrors();
    }

    /**
     * A trader backtests a perpetual from the Backtests page's form: the 2023 BTCUSDT perpetual hourly bars uploaded,
     * market USDⓈ-M, 20x isolated, and the recorded funding file chosen in the file input (read by the browser and
     * sent as text). The first try has no funding file and shows the server's message at that field. The job's
     * result equals the API's own run of the same request with the funding inline, and the result page lists the
     * funding payments and the liquidations.
     */
    @Test
    void aTraderBacktestsAPerpetualFromTheForm() throws Exception {
        Path funding = SharedData.require(
                "binance-usdm-funding-rates/BTCUSDT_funding_rate_pct_2022-11_2025-11.json");
        List<String> lines = Files.readAllLines(
                SharedData.require("binance-usdm-perp-1h-1d-2020-2024/BTCUSDT_1h.csv"));
        StringBuilder year = new StringBuilder(lines.get(0)).append('\n');
        lines.stream().filter(l -> l.startsWith("2023-")).forEach(l -> year.append(l).append('\n'));
        String trader = server.token("trader");
        assertThat(server.upload("/api/datasets", trader, "BTCUSDT_1h.csv", year.toString().getBytes(
                StandardCharsets.UTF_8)).status()).isEqualTo(201);

        signIn();
        driver.findElement(By.linkText("Backtests")).click();
        WebElement source = wait.until(d -> {
            List<WebElement> s = d.findElements(By.cssSelector("#run-form select[name=source]"
                    + " option[value='dataset:BTCUSDT_1h.csv']"));
            return s.isEmpty() ? null : d.findElement(By.cssSelector("#run-form select[name=source]"));
        });
        new Select(driver.findElement(By.cssSelector("#run-form select[name=strategy]")))
                .selectByValue("sma-crossover");
        new Select(source).selectByValue("dataset:BTCUSDT_1h.csv");
        WebElement leverage = driver.findElement(By.cssSelector("#run-form input[name=leverage]"));
        assertThat(leverage.isDisplayed()).isFalse(); // spot by default
        // no stray text where the form leaves a section out (a null child once printed "null")
        assertThat(driver.findElement(By.id("run-form")).getText()).doesNotContainPattern("\\bnull\\b");
        new Select(driver.findElement(By.cssSelector("#run-form select[name=market]"))).selectByValue("usdm");
        assertThat(leverage.isDisplayed()).isTrue();
        leverage.clear();
        leverage.sendKeys("20");
        new Select(driver.findElement(By.cssSelector("#run-form select[name=marginMode]"))).selectByValue("isolated");
        driver.findElement(By.cssSelector("#run-form button[type=submit]")).click();
        By fundingError = By.xpath("//input[@name='fundingFile']/following-sibling::p[contains(@class,"
                + "'field-error')]");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(fundingError)).getText())
                .contains("needs the recorded funding rates");
        screenshot("perpetual-form-without-funding");
        driver.findElement(By.cssSelector("#run-form input[name=fundingFile]")).sendKeys(funding.toString());
        new Select(driver.findElement(By.cssSelector("#run-form select[name=fundingUnit]"))).selectByValue("percent");
        driver.findElement(By.cssSelector("#run-form button[type=submit]")).click();
        long id = Long.parseLong(wait.until(d -> d.findElement(By.cssSelector("#jobs tbody tr[data-id]"))
                .getAttribute("data-id")));
        wait.until(ExpectedConditions.attributeToBe(By.id("job-" + id), "data-status", "COMPLETED"));

        JsonNode result = server.send("GET", "/api/backtests/" + id + "/result", trader, null).json();
        TestServer.Response inline = server.send("POST", "/api/backtests", trader, """
                {"strategy": "sma-crossover", "dataset": "BTCUSDT_1h.csv", "market": "usdm", "leverage": 20,
                 "marginMode": "isolated", "funding": {"unit": "percent", "rates": %s}}"""
                .formatted(Files.readString(funding)));
        JsonNode same = server.send("GET", "/api/backtests/" + server.awaitJob(trader, inline.json().get("id")
                .asLong()).get("id").asLong() + "/result", trader, null).json();
        assertThat(result.get("trades")).isEqualTo(same.get("trades"));
        assertThat(result.get("perpetual")).isEqualTo(same.get("perpetual"));
        int liquidations = result.get("perpetual").get("liquidations").size();
        assertThat(liquidations).isPositive();

        driver.findElement(By.cssSelector("#job-" + id + " a.result-link")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-rendered", "true"));
        assertThat(driver.findElement(By.id("funding-title")).getText()).contains("20x isolated margin");
        assertThat(driver.findElements(By.cssSelector("#funding tbody tr")))
                .hasSize(result.get("perpetual").get("funding").size());
        assertThat(driver.findElements(By.cssSelector("#liquidations tbody tr"))).hasSize(liquidations);
        js.executeScript("document.getElementById('liquidations-card').scrollIntoView()");
        screenshot("perpetual-liquidations");
        assertNoScriptErrors();
    }

    /**
     * A backtest run by {@code quantplug backtest} (stored in the server's home, from this JVM) is listed on the
     * Backtests page under "Stored runs"; its link opens the result page from {@code /api/runs}: the run's title,
     * metrics, equity and as many trades as the store keeps, no price chart (the store keeps no bars), and a Monte
     * Carlo study of the run.
     */
    @Test
    void aRunOfTheCommandLineOpensFromTheStoredRuns() throws Exception {
        Path bars = SharedData.require("binance-spot-1h-2021-2023/BTCUSDT_1h.csv");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = io.quantplug.cli.QuantplugCli.run(new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "backtest", "--data", bars.toString(), "--strategy", "sma-crossover", "--home", server.home.toString(),
                "--out", server.home.resolve("cli-out").toString());
        assertThat(code).isZero();
        long runId = server.store.runs().list().get(0).id();
        int trades = server.store.runs().document(runId).orElseThrow().trades().size();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Stored as run " + runId);

        signIn();
        driver.get(server.url() + "/backtests.html");
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#run-" + runId
                + " a.run-link")));
        assertThat(driver.findElement(By.id("run-" + runId)).getText()).contains("BACKTEST", "sma-crossover",
                "BTCUSDT.BINANCE", "COMPLETED", String.valueOf(trades));
        screenshot("stored-runs");
        link.click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-rendered", "true"));
        assertThat(driver.getCurrentUrl()).endsWith("/backtest.html?run=" + runId);
        assertThat(driver.findElement(By.id("title")).getText()).isEqualTo("sma-crossover on BTCUSDT.BINANCE (1h)");
        assertThat(driver.findElement(By.id("crumb")).getText()).isEqualTo("Run " + runId);
        assertThat(driver.findElement(By.id("price-card")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector("#trades tbody tr"))).hasSize(trades);
        assertThat(driver.findElements(By.cssSelector("#equity-chart canvas"))).isNotEmpty();
        driver.findElement(By.id("mc-run")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("mc-card"), "data-rendered", "true"));
        assertThat(driver.findElement(By.id("mc-result")).getText()).contains("paths of " + trades + " trades");
        screenshot("stored-run-result");
        assertNoScriptErrors();
    }

    /**
     * Sign-in goes back only to a page of this origin: the browser's URL parser drops the tab or new line of
     * {@code /%09/host} and {@code /%0a/host} (giving the protocol-relative {@code //host}), so a prefix check on the
     * text is not enough. Each crafted {@code next} lands on this server; a same-origin path keeps its query.
     */
    /**
     * A trader creates an instance on an exchange's live bars from the strategies page (the local Binance-compatible
     * exchange streaming real 2022 klines), sees it connected and counting live bars, and stops it.
     */
    @Test
    void aTraderFollowsAnExchangesLiveBarsFromTheStrategiesPage() throws Exception {
        server.close();
        server = TestServer.start(List.of("sma-crossover", "risk-basics", "binance"), Clock.systemUTC());
        try (BinanceTestExchange exchange = BinanceTestExchange.spot().klines("BTCUSDT", Fixtures.BTC_2022,
                Instant.parse("2022-06-20T00:00:00Z").toEpochMilli()).barsPerSecond(40).start()) {
            signIn();
            driver.get(server.url() + "/strategies.html");
            Select source = new Select(wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#run-form select[name=source]"))));
            wait.until(d -> source.getOptions().stream().anyMatch(o -> "exchange:binance".equals(
                    o.getAttribute("value"))));
            source.selectByValue("exchange:binance");
            assertThat(driver.findElement(By.cssSelector("#run-form fieldset.exchange")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.cssSelector("#run-form input[name=speed]")).isDisplayed()).isFalse();
            driver.findElement(By.cssSelector("#run-form input[name=symbol]")).sendKeys("BTCUSDT");
            new Select(driver.findElement(By.cssSelector("#run-form select[name=timeframe]"))).selectByValue("1m");
            driver.findElement(By.cssSelector("#run-form input[name=exchangeParameters]")).sendKeys("restUrl="
                    + exchange.restUrl() + ", streamUrl=" + exchange.streamUrl());
            driver.findElement(By.cssSelector("#run-form input[name=warmupBars]")).sendKeys("50");
            screenshot("instance-on-exchange-form");
            driver.findElement(By.cssSelector("#run-form button[type=submit]")).click();

            String id = wait.until(d -> d.findElement(By.cssSelector("#instances tbody tr[data-id]"))
                    .getAttribute("data-id"));
            wait.until(d -> d.findElement(By.id("instance-" + id)).getText().contains("connected"));
            wait.until(d -> {
                JsonNode v = server.send("GET", "/api/instances/" + id, server.token("admin"), null).json();
                return v.get("barsDone").asLong() >= 60;
            });
            String text = wait.until(d -> d.findElement(By.id("instance-" + id)).getText());
            assertThat(text).contains("binance BTCUSDT 1m", "bars (live)", "connected");
            JsonNode view = server.send("GET", "/api/instances/" + id, server.token("admin"), null).json();
            assertThat(view.get("status").asText()).isEqualTo("RUNNING");
            assertThat(view.get("mode").asText()).isEqualTo("PAPER");
            screenshot("instance-on-exchange-running");
            wait.until(d -> { // the table re-renders every second while an instance runs
                d.findElement(By.cssSelector("#instance-" + id + " button.danger")).click();
                return true;
            });
            wait.until(ExpectedConditions.attributeToBe(By.id("instance-" + id), "data-status", "STOPPED"));
        }
    }

    /**
     * Ten years of minutes: a backtest of 5,000,000 one-minute bars (a seeded geometric random walk on a 0.01 tick)
     * writes a {@code report.html} that opens in Chromium with its charts at report resolution.
     */
    @Test
    void aReportOfFiveMillionBarsOpensInTheBrowser() throws IOException {
        int n = 5_000_000;
        long[] time = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        long t0 = Instant.parse("2015-01-01T00:00:00Z").toEpochMilli();
        double price = 20_000;
        for (int i = 0; i < n; i++) {
            double next = Math.round(price * Math.exp((random.nextDouble() - 0.5) * 0.002) * 100) / 100.0;
            time[i] = t0 + i * 60_000L;
            open[i] = price;
            close[i] = next;
            high[i] = Math.round(Math.max(price, next) * 100.02) / 100.0; // 0.02 % above the higher end
            low[i] = Math.round(Math.min(price, next) * 99.98) / 100.0;
            volume[i] = 1 + random.nextDouble();
            price = next;
        }
        BarSeries series = BarSeries.of(Timeframe.M1, time, open, high, low, close, volume);
        InstrumentId id = InstrumentId.of("BTCUSDT", "BINANCE");
        Instrument btc = Instrument.spot(id, "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
                new BigDecimal("10"));
        BacktestResult result = new Backtester(server.server.services().catalog()).run(new BacktestConfig(btc,
                new BigDecimal("10000"), BigDecimal.TEN, BigDecimal.ZERO, new ExtensionRef("sma-crossover",
                Map.of()), List.of(), null, List.of()), Timeframe.M1, series.asBars(id), BacktestProgress.NONE);
        uploads = Files.createTempDirectory("quantplug-report");
        Path report = uploads.resolve("report.html");
        HtmlReport.write(ResultDocument.of(result, ResultDocument.DEFAULT_EQUITY_POINTS), series.asBars(id), report);
        assertThat(Files.size(report)).isLessThan(10L << 20);
        log("5,000,000-bar backtest and report written");

        driver.get(report.toUri().toString());
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-rendered", "true"));
        // 5,000,000 bars in at most 4,000 candles: 1,250 bars each, 4,000 candles; the equity at 2,000 points
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-candles")).isEqualTo("4000");
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-equity-points")).isEqualTo("2000");
        assertThat(driver.findElement(By.id("price-note")).getText()).contains("(4,000 candles)");
        assertThat(distinctCanvasColours("price")).isGreaterThan(10);
        // the strategy loses its capital on the walk and every later entry is refused: the page lists the first 1,000
        assertThat(result.rejections()).hasSizeGreaterThan(HtmlReport.MAX_REJECTIONS);
        assertThat(driver.findElements(By.cssSelector("#rejections tbody tr"))).hasSize(HtmlReport.MAX_REJECTIONS);
        assertThat(driver.findElement(By.id("rejections-title")).getText()).isEqualTo(String.format(Locale.US,
                "Rejected orders (the first 1,000 of %,d; result.json lists every one)", result.rejections().size()));
        screenshot("report-five-million-bars");
    }

    @Test
    void signInNeverSendsTheBrowserToAnotherOrigin() {
        for (String next : List.of("/%09/127.0.0.1:9/owned", "/%0a/127.0.0.1:9/owned", "//127.0.0.1:9/owned",
                "/%5C127.0.0.1:9/owned", "/%09%09/127.0.0.1:9/owned")) {
            driver.manage().deleteAllCookies();
            driver.get(server.url() + "/login.html?next=" + next);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
            driver.findElement(By.id("username")).sendKeys("viewer");
            driver.findElement(By.id("password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
            wait.until(d -> !d.getCurrentUrl().contains("/login.html"));
            assertThat(driver.getCurrentUrl()).as("next=" + next).startsWith(server.url() + "/");
        }
        driver.manage().deleteAllCookies();
        driver.get(server.url() + "/login.html?next=" + "/backtests.html%3Fid%3D7");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
        driver.findElement(By.id("username")).sendKeys("viewer");
        driver.findElement(By.id("password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("/login.html"));
        assertThat(driver.getCurrentUrl()).isEqualTo(server.url() + "/backtests.html?id=7");
    }

    private void signIn() {
        driver.get(server.url() + "/");
        wait.until(ExpectedConditions.urlContains("/login.html")); // the dashboard's /api/auth/me answered 401
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
        screenshot("sign-in");
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().equals(server.url() + "/"));
        WebElement who = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#who .user")));
        assertThat(who.getText()).contains("admin");
        assertThat(navLinks()).contains("Plugins", "Users"); // an admin's navigation
        // the session is the HttpOnly cookie; the CSRF token stays in the page's memory, not in storage
        assertThat(js.executeScript("return [localStorage.length, sessionStorage.length, document.cookie]"))
                .isEqualTo(List.of(0L, 0L, ""));
        assertThat(driver.manage().getCookieNamed("quantplug_session").isHttpOnly()).isTrue();
        screenshot("dashboard");
    }

    /** Drops a broken jar on the plugins page (refused), then uploads the distribution's rsi-reversion jar. */
    private void installPlugin() throws IOException {
        assertThat(server.server.services().plugins().plugins()).extracting(PluginInfo::id)
                .doesNotContain("rsi-reversion");
        uploads = Files.createTempDirectory("quantplug-upload");
        Path jar = uploads.resolve("rsi-reversion.jar");
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("quantplug.dist", "target/quantplug"))
                .resolve("plugins"))) {
            Files.copy(files.filter(p -> p.getFileName().toString().startsWith("rsi-reversion-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no rsi-reversion jar in the distribution")), jar);
        }
        driver.findElement(By.linkText("Plugins")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plugin-sma-crossover")));
        assertThat(driver.findElements(By.id("plugin-rsi-reversion"))).isEmpty();
        js.executeScript("""
                const files = new DataTransfer();
                files.items.add(new File(['not a jar'], 'broken.jar', {type: 'application/java-archive'}));
                const zone = document.querySelector('#upload form.dropzone');
                for (const type of ['dragover', 'drop']) {
                  zone.dispatchEvent(new DragEvent(type, {dataTransfer: files, bubbles: true, cancelable: true}));
                }""");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".upload-status.error"),
                "broken.jar is refused"));
        screenshot("broken-jar-dropped");
        assertThat(server.server.services().plugins().plugins()).hasSize(2); // sma-crossover, risk-basics
        driver.findElement(By.id("upload-jar")).sendKeys(jar.toString());
        screenshot("plugin-chosen");
        driver.findElement(By.cssSelector("#upload form.dropzone button[type=submit]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("plugin-rsi-reversion"), "data-state", "STARTED"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ext-rsi-reversion")));
        assertThat(server.server.services().plugins().plugins()).filteredOn(p -> p.id().equals("rsi-reversion"))
                .singleElement().extracting(PluginInfo::status).isEqualTo(PluginStatus.STARTED);
        screenshot("plugin-installed");
    }

    /** Uploads the March 2023 bars on the data sets page. */
    private void uploadBars() {
        driver.findElement(By.linkText("Data sets")).click();
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-csv")));
        input.sendKeys(SharedData.require(MARCH).toString());
        driver.findElement(By.cssSelector("#upload form.dropzone button[type=submit]")).click();
        By row = By.xpath("//tr[@data-name='" + DATA_SET + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        // 1-minute bars from 2023-03-01 00:00 to 2023-03-21 23:59 UTC without gaps: 21 days * 1440 = 30,240
        assertThat(driver.findElement(row).getText()).contains("30,240", "1m", "2023-03-01 00:00:00 UTC",
                "2023-03-21 23:59:00 UTC");
        screenshot("data-set-uploaded");
    }

    /** Submits a bad, then a good rsi-reversion backtest from the backtests page; answers the job id. */
    private long runBacktest() {
        driver.findElement(By.linkText("Backtests")).click();
        WebElement strategy = wait.until(d -> {
            List<WebElement> s = d.findElements(By.cssSelector("#run-form select[name=strategy] option"
                    + "[value=rsi-reversion]"));
            return s.isEmpty() ? null : d.findElement(By.cssSelector("#run-form select[name=strategy]"));
        });
        new Select(strategy).selectByValue("rsi-reversion");
        new Select(driver.findElement(By.cssSelector("#run-form select[name=source]")))
                .selectByValue("dataset:" + DATA_SET);
        WebElement period = driver.findElement(By.cssSelector("#run-form input[name=period]"));
        assertThat(period.getAttribute("value")).isEqualTo("14"); // the schema's default
        period.clear();
        period.sendKeys("1", Keys.ENTER); // Enter submits the form; the schema allows 2..500
        By periodError = By.xpath("//input[@name='period']/following-sibling::p[contains(@class,'field-error')]");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(periodError));
        assertThat(error.getText()).contains("period", "2 .. 500");
        assertThat(period.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.switchTo().activeElement()).isEqualTo(period); // focus moved to the field at fault
        screenshot("validation-message");
        period.clear();
        period.sendKeys("14");
        driver.findElement(By.cssSelector("#run-form details.advanced summary")).click();
        WebElement rule = driver.findElement(By.id("use-rule-max-position-notional"));
        rule.click(); // its 'limit' has no default
        period.sendKeys(Keys.ENTER);
        By limitError = By.xpath("//input[@id='use-rule-max-position-notional']/ancestor::div[@class='choice']"
                + "//input[@name='limit']/following-sibling::p[contains(@class,'field-error')]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(limitError));
        assertThat(driver.findElement(limitError).getText()).contains("'limit' is required");
        assertThat(error.isDisplayed()).isFalse(); // period is fine now
        screenshot("rule-parameter-message");
        rule.click();
        assertThat(server.server.services().backtests().list()).isEmpty(); // the refused requests changed nothing
        period.sendKeys(Keys.ENTER);
        // read in the wait: the list re-renders on job events, so a row found a moment ago may be gone
        long id = Long.parseLong(wait.until(d -> d.findElement(By.cssSelector("#jobs tbody tr[data-id]"))
                .getAttribute("data-id")));
        assertThat(error.isDisplayed()).isFalse();
        screenshot("backtest-submitted");
        wait.until(ExpectedConditions.attributeToBe(By.id("job-" + id), "data-status", "COMPLETED"));
        screenshot("backtest-completed");
        return id;
    }

    private void checkResult(long id) {
        String token = server.token("admin");
        JsonNode result = server.send("GET", "/api/backtests/" + id + "/result", token, null).json();
        assertThat(result.at("/run/strategy").asText()).isEqualTo("rsi-reversion");
        List<BigDecimal> pnl = new ArrayList<>();
        result.get("trades").forEach(t -> pnl.add(new BigDecimal(t.get("pnl").asText())));
        assertThat(pnl).as("rsi-reversion(14, 30, 70) trades on three weeks of 1-minute bars").isNotEmpty();
        driver.findElement(By.cssSelector("#job-" + id + " a.result-link")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-rendered", "true"));
        assertThat(driver.findElement(By.id("title")).getText()).contains("rsi-reversion", "BTCUSDT.BINANCE");
        // the chart: canvases the library drew (candles, grid and scale in many colours), with its attribution link
        assertThat(distinctCanvasColours("price-chart")).isGreaterThan(10);
        assertThat(distinctCanvasColours("equity-chart")).isGreaterThan(3);
        assertThat(driver.findElement(By.cssSelector("#price-chart a#tv-attr-logo")).getAttribute("href"))
                .contains("tradingview.com");
        // /bars draws at most 4,000 candles: 30,240 bars -> ceil(30,240 / 4,000) = 8 bars per candle, 3,780
        assertThat(driver.findElement(By.id("price-note")).getText()).startsWith("3,780 candles of 8 bars each");
        // zoomed in with the mouse wheel, the visible range is asked for again and drawn bar by bar
        assertThat(driver.findElement(By.id("price-chart")).getAttribute("data-bars-per-candle")).isEqualTo("8");
        WebElement plot = driver.findElement(By.cssSelector("#price-chart canvas"));
        for (int i = 0; i < 40; i++) { // each notch zooms in by about a tenth: 30,240 bars down to a few hundred
            new Actions(driver).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(plot), 0, -600).perform();
        }
        wait.until(ExpectedConditions.attributeToBe(By.id("price-chart"), "data-bars-per-candle", "1"));
        screenshot("backtest-result-zoomed");
        By rows = By.cssSelector("#trades tbody tr");
        assertThat(driver.findElements(rows)).hasSize(pnl.size());
        assertThat(driver.findElement(By.id("trades-title")).getText())
                .isEqualTo(String.format(Locale.US, "Trades (%,d)", pnl.size()));
        screenshot("backtest-result");
        WebElement pnlHeader = driver.findElement(By.xpath("//div[@id='trades']//th[button[normalize-space()"
                + "='P&L']]"));
        pnlHeader.findElement(By.tagName("button")).click();
        assertThat(pnlHeader.getAttribute("aria-sort")).isEqualTo("ascending");
        List<BigDecimal> ascending = pnl.stream().sorted().toList();
        assertThat(shownPnl(pnlHeader)).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(ascending);
        pnlHeader.findElement(By.tagName("button")).sendKeys(Keys.ENTER); // the keyboard reverses it
        assertThat(pnlHeader.getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(shownPnl(pnlHeader)).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(pnl.stream().sorted(Comparator.reverseOrder()).toList());
        js.executeScript("document.getElementById('trades').scrollIntoView()");
        screenshot("trades-sorted-by-pnl");
        // Monte Carlo of the run, computed on the server: a table and a histogram of twenty bins
        WebElement paths = driver.findElement(By.id("mc-paths"));
        paths.clear();
        paths.sendKeys("500");
        driver.findElement(By.id("mc-run")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("mc-card"), "data-rendered", "true"));
        assertThat(driver.findElements(By.cssSelector("#mc-card svg rect.bin"))).hasSize(20);
        assertThat(driver.findElement(By.id("mc-result")).getText()).contains("500 paths of " + pnl.size()
                + " trades", "Total return", "Max drawdown", "Sharpe");
        js.executeScript("document.getElementById('mc-card').scrollIntoView()");
        screenshot("backtest-monte-carlo");
    }

    /** The P&L cells' exact values (data-value) in the order shown. */
    private List<BigDecimal> shownPnl(WebElement header) {
        int column = driver.findElements(By.cssSelector("#trades thead th")).indexOf(header) + 1;
        return driver.findElements(By.cssSelector("#trades tbody tr td:nth-child(" + column + ")")).stream()
                .map(td -> new BigDecimal(td.getAttribute("data-value"))).toList();
    }

    private long distinctCanvasColours(String container) {
        Object n = js.executeScript("""
                let best = 0;
                for (const c of document.querySelectorAll('#' + arguments[0] + ' canvas')) {
                  if (!c.width || !c.height) continue;
                  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  const seen = new Set();
                  for (let i = 0; i < d.length; i += 4 * 7) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
                  best = Math.max(best, seen.size);
                }
                return best;""", container);
        return ((Number) n).longValue();
    }

    /** The other pages show the run's traces: dashboard, instances form, risk, audit (filtered), users. */
    private void visitOtherPages(long job) {
        driver.findElement(By.linkText("Dashboard")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("job-" + job), "data-status", "COMPLETED"));
        screenshot("dashboard-after-run");
        driver.findElement(By.linkText("Strategies")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "#run-form select[name=strategy] option[value=rsi-reversion]")));
        assertThat(driver.findElement(By.cssSelector("#run-form input[name=speed]")).getAttribute("value"))
                .isEqualTo("10");
        screenshot("strategies");
        driver.findElement(By.linkText("Risk")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kill-state"), "Released"));
        screenshot("risk");
        driver.findElement(By.linkText("Audit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#audit tbody tr")));
        driver.findElement(By.id("action")).sendKeys("plugin.up", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "plugin.uploaded"));
        List<WebElement> entries = driver.findElements(By.cssSelector("#audit tbody tr"));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getText()).contains("admin", "plugin/rsi-reversion");
        screenshot("audit-filtered");
        driver.findElement(By.linkText("Users")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-viewer")));
        assertThat(driver.findElements(By.cssSelector("#users tbody tr"))).hasSize(3); // admin, trader, viewer
        screenshot("users");
    }

    /** A viewer's console: no Users page, no forms or buttons that change anything; the result still opens. */
    private void signOutAndSignInAsViewer(long job) {
        driver.findElement(By.xpath("//div[@id='who']//button[normalize-space()='Sign out']")).click();
        wait.until(ExpectedConditions.urlContains("/login.html"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
        driver.findElement(By.id("username")).sendKeys("viewer");
        driver.findElement(By.id("password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#who .user")));
        assertThat(navLinks()).contains("Dashboard", "Backtests", "Plugins", "Audit").doesNotContain("Users");
        driver.findElement(By.linkText("Backtests")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("job-" + job)));
        assertThat(driver.findElement(By.id("form-card")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector("#jobs button"))).isEmpty();
        screenshot("viewer-backtests");
        driver.findElement(By.linkText("Plugins")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plugin-rsi-reversion")));
        assertThat(driver.findElement(By.id("upload-card")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector("#plugins button"))).isEmpty();
        driver.get(server.url() + "/users.html"); // the page itself refuses too (and so would the API)
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "needs the admin role"));
        screenshot("viewer-users-refused");
    }

    private List<String> navLinks() {
        return driver.findElements(By.cssSelector("#nav a")).stream().map(WebElement::getText).toList();
    }

    /**
     * No script error, failed module or CSP violation in the browser's console. Failed requests the flow causes on
     * purpose are allowed: the dashboard's 401 before signing in and the 400 of the refused parameter.
     */
    private void assertNoScriptErrors() {
        List<String> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .filter(m -> !m.contains("status of 401") && !m.contains("status of 400")).toList();
        assertThat(severe).isEmpty();
    }

    /** Saves the whole page (the window grown to its height) as NN-name.png, and says how long the test has run. */
    private void screenshot(String name) {
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight"
                + " + window.outerHeight - window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 800), 5000)));
        String file = String.format("%02d-%s.png", ++shots, name);
        try {
            Files.write(screenshots.resolve(file), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            log(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 800));
        }
    }
}
