/** 设置与绑定 tab. The panel (Accordion, Dropdown, Switch, the planners) loads in its own chunk. */
import { lazyPanel, type PanelProps } from "../shared/lazy-panel";

export type SetupViewProps = PanelProps;

export const SetupView = lazyPanel(() => import(/* webpackChunkName: "setup" */ "./SetupPanel"));
