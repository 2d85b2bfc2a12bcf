/** Which Excel the add-in runs in: small enough for the pane's first bundle (no host code). */

/**
 * The ExcelApi set the manifest requires; checked again at start (a stale catalog or cache may
 * still load us). 1.13 (Microsoft 365 2102+, Office 2021, Mac 16.50+, web) is where every client
 * runs add-ins in WebView2 or WKWebView: Office 2016/2019 and older Microsoft 365 builds, whose
 * Internet Explorer / legacy Edge webviews cannot run this bundle, stop at 1.8 or earlier.
 */
export const REQUIRED_EXCEL_API = "1.13";

/** Asks Office which ExcelApi sets are supported; false outside Office. */
export function officeSupport(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}
