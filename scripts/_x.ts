import { launchChromium, startServer } from '../tests/e2e/harness.ts';
const server = await startServer({ root: 'dist-look' });
const browser = await launchChromium();
for (const [path, name] of [['ko/lessons/03-activation-functions/', 'ko-ch3'], ['lessons/03-activation-functions/', 'en-ch3']] as const) {
  for (const [w, theme] of [[360, 'light'], [1280, 'dark']] as const) {
    const ctx = await browser.newContext({ viewport: { width: w, height: 700 }, colorScheme: theme, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    await page.goto(`${server.url}${path}`);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `/tmp/${name}-${w}.png` });
    await ctx.close();
  }
}
await browser.close(); await server.close();
