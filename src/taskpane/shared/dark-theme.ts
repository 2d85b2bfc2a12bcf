/** Fluent's dark theme in its own chunk: only a dark Office or browser loads it. */
export { webDarkTheme } from "@fluentui/react-components";
