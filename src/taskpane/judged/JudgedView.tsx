/** 评定事项 tab. The panel (RadioGroup, SpinButton, Dropdown, the effect table, overrides) loads in its own chunk. */
import { lazyPanel, type PanelProps } from "../shared/lazy-panel";

export type JudgedViewProps = PanelProps;

export const JudgedView = lazyPanel(() => import(/* webpackChunkName: "judged" */ "./JudgedPanel"));
