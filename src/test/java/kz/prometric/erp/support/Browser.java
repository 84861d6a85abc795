package kz.prometric.erp.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real browser for page tests: Debian's headless Chromium driven through
 * {@code /usr/bin/chromedriver} (never Selenium Manager, which would try to download).
 * Tests are skipped when no browser is installed, unless
 * {@code PROMETRIC_BROWSER_REQUIRED} is set (as {@code .ci/run} does), which makes its
 * absence an error. Register it with {@code @RegisterExtension}: a failing test leaves a
 * screenshot and the page's HTML under {@code target/browser-failures/}.
 */
public final class Browser implements AfterTestExecutionCallback, AutoCloseable {

	/**
	 * How long a step waits for the page (Tasklist's forms load slowly on a machine busy
	 * with a build): {@code -Dprometric.browser.wait-seconds}, 30 s by default. Only a
	 * failing step waits this long.
	 */
	private static final Duration WAIT = Duration.ofSeconds(Long.getLong("prometric.browser.wait-seconds", 30));

	public static final Path CHROMEDRIVER = Paths
		.get(System.getProperty("prometric.chromedriver", "/usr/bin/chromedriver"));

	public static final Path CHROMIUM = Paths.get(System.getProperty("prometric.chromium", "/usr/bin/chromium"));

	private WebDriver driver;

	private String baseUrl;

	private String language = "en-US";

	/** A browser whose pages ask for this language first (e.g. {@code ru-RU}). */
	public Browser language(String acceptLanguage) {
		this.language = acceptLanguage;
		return this;
	}

	public WebDriver driver() {
		if (this.driver == null) {
			boolean installed = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
			if (!installed && System.getenv("PROMETRIC_BROWSER_REQUIRED") != null) {
				throw new IllegalStateException("No browser: install Debian's chromium and chromium-driver");
			}
			assumeTrue(installed, "Chromium and chromedriver are not installed");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
					"--window-size=1400,1000", "--lang=" + this.language);
			options.setExperimentalOption("prefs", Map.of("intl.accept_languages", this.language,
					"download.default_directory", downloads().toAbsolutePath().toString()));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			this.driver = new ChromeDriver(service, options);
			this.driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		}
		return this.driver;
	}

	public Browser at(String baseUrl) {
		this.baseUrl = baseUrl;
		return this;
	}

	public Browser open(String path) {
		driver().get(this.baseUrl + path);
		return this;
	}

	/** Logs in through the login page and waits for the first page after it. */
	public Browser login(String email, String password) {
		open("/login");
		find(By.id("email")).sendKeys(email);
		find(By.id("password")).sendKeys(password);
		click(By.id("login"));
		waitUntil(d -> !d.getCurrentUrl().contains("/login"));
		return this;
	}

	public WebElement find(By by) {
		return new WebDriverWait(driver(), WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
	}

	/**
	 * Clicks the element as a person would, scrolled into the middle of the window first
	 * (headless Chromium refuses clicks on elements under a sticky bar or at the window's
	 * edge).
	 */
	public void click(By by) {
		WebElement element = new WebDriverWait(driver(), WAIT).until(ExpectedConditions.elementToBeClickable(by));
		((org.openqa.selenium.JavascriptExecutor) driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		try {
			element.click();
		}
		catch (org.openqa.selenium.ElementClickInterceptedException ex) {
			((org.openqa.selenium.JavascriptExecutor) driver()).executeScript("arguments[0].click();", element);
		}
	}

	public List<WebElement> all(By by) {
		return driver().findElements(by);
	}

	/**
	 * The element's text, found again when htmx swapped it out between finding and
	 * reading.
	 */
	public String text(By by) {
		return waitUntil(d -> d.findElement(by).getText());
	}

	public String url() {
		return driver().getCurrentUrl();
	}

	public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
		// an element found by the condition may be swapped out by htmx before it is read:
		// look again
		return new WebDriverWait(driver(), WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(condition::apply);
	}

	/**
	 * Reloads the page until {@code shown} holds for it (checked before each reload, so a
	 * page that already shows it is not reloaded; a reload the browser aborts is tried
	 * again).
	 */
	public void reloadUntil(java.util.function.Predicate<WebDriver> shown) {
		waitUntil(d -> {
			try {
				if (shown.test(d)) {
					return true;
				}
				d.navigate().refresh();
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				// the page was between loads: look again
			}
			return false;
		});
	}

	/** Where downloads land. */
	public static Path downloads() {
		Path dir = Paths.get("target", "browser-downloads");
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return dir;
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isPresent() && this.driver instanceof ChromeDriver chrome) {
			try {
				Path dir = Paths.get("target", "browser-failures");
				Files.createDirectories(dir);
				String name = context.getRequiredTestClass().getSimpleName() + "-"
						+ context.getDisplayName().replaceAll("[^A-Za-z0-9]+", "_");
				Files.write(dir.resolve(name + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
				Files.writeString(dir.resolve(name + ".html"), chrome.getPageSource());
			}
			catch (IOException | RuntimeException ex) {
				// the test's own failure is what matters
			}
		}
	}

	@Override
	public void close() {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
	}

}
