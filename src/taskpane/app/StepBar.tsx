import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowLeftRegular, ArrowRightRegular } from "@fluentui/react-icons";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";

/** Where a step puts its main action and that action's progress: in the bar, once it is drawn. */
type Slots = { actions: HTMLElement | null; status: HTMLElement | null };

const NO_SLOTS: Slots = { actions: null, status: null };
const SlotsContext = createContext<Slots>(NO_SLOTS);
const SetSlotsContext = createContext<(slots: Slots) => void>(() => undefined);

/** Below this width of the bar, Back shows its arrow only (its name stays its accessible name). */
const COMPACT = "@container (max-width: 280px)";

const useStyles = makeStyles({
  main: { minHeight: "100vh", paddingBottom: 0 },
  // Pinned to the bottom of the pane while the step scrolls above it; at the end of the step it
  // takes its own place, so it never covers the step's last controls.
  bar: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalM})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    containerType: "inline-size",
  },
  status: { display: "flex", flexDirection: "column", minWidth: 0, ":empty": { display: "none" } },
  row: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "flex-end",
    gap: tokens.spacingHorizontalS,
    marginLeft: "auto",
    ":empty": { display: "none" },
  },
  back: { [COMPACT]: { minWidth: "auto" } },
  backLabel: { [COMPACT]: { display: "none" } },
  next: { marginLeft: "auto" },
});

/**
 * The bar at the bottom of the pane: Back, the step's main action (put there by the step with
 * `StepBarActions`, its progress above with `StepBarStatus`), Next. While it is pinned over the
 * step, the page keeps a margin of its height at the bottom when it scrolls a control into view
 * (by Tab or a link to a field), so no focused control hides under it.
 */
export function StepBar(props: {
  label: string;
  backLabel: string;
  nextLabel: string;
  /** Absent on the first step. */
  onBack: (() => void) | null;
  /** Absent on the last step. */
  onNext: (() => void) | null;
}) {
  const styles = useStyles();
  const setSlots = useContext(SetSlotsContext);
  const bar = useRef<HTMLElement>(null);
  const actions = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setSlots({ actions: actions.current, status: status.current });
    return () => setSlots(NO_SLOTS);
  }, [setSlots]);

  useEffect(() => {
    const element = bar.current;
    const root = document.documentElement;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      root.style.scrollPaddingBottom = `${Math.ceil(element.getBoundingClientRect().height)}px`;
    });
    observer.observe(element);
    // Chromium leaves a control focused by Tab where it is when it is on screen, under the bar too.
    const uncover = (event: FocusEvent) => {
      const target = event.target;
      if (!(target instanceof Element) || element.contains(target)) return;
      const control = target.getBoundingClientRect();
      if (control.bottom > element.getBoundingClientRect().top)
        target.scrollIntoView({ block: "nearest" });
    };
    document.addEventListener("focusin", uncover);
    return () => {
      observer.disconnect();
      document.removeEventListener("focusin", uncover);
      root.style.scrollPaddingBottom = "";
    };
  }, []);

  return (
    <nav className={styles.bar} aria-label={props.label} ref={bar} data-stp-step-bar="">
      <div className={styles.status} ref={status} />
      <div className={styles.row}>
        <Button
          className={styles.back}
          icon={<ArrowLeftRegular />}
          disabled={!props.onBack}
          aria-label={props.backLabel}
          title={props.backLabel}
          onClick={props.onBack ?? undefined}
        >
          <span className={styles.backLabel}>{props.backLabel}</span>
        </Button>
        <div className={styles.actions} ref={actions} />
        {props.onNext && (
          <Button
            className={styles.next}
            appearance="primary"
            icon={<ArrowRightRegular />}
            iconPosition="after"
            onClick={props.onNext}
          >
            {props.nextLabel}
          </Button>
        )}
      </div>
    </nav>
  );
}

/**
 * The pane's main region, a column the height of the pane at least (so the bar, its last child,
 * sits at the bottom below a short step too), giving the steps in it the bar's places.
 */
export function StepBarMain(props: { className: string; children: ReactNode }) {
  const styles = useStyles();
  const [slots, setSlots] = useState<Slots>(NO_SLOTS);
  return (
    <SetSlotsContext.Provider value={setSlots}>
      <SlotsContext.Provider value={slots}>
        <main className={mergeClasses(props.className, styles.main)}>{props.children}</main>
      </SlotsContext.Provider>
    </SetSlotsContext.Provider>
  );
}

/** Renders into one of the bar's places, or where it stands when there is no bar. */
function InSlot(props: { slot: keyof Slots; children: ReactNode }) {
  const target = useContext(SlotsContext)[props.slot];
  return target ? createPortal(props.children, target) : <>{props.children}</>;
}

/** The step's main action (its buttons), in the bar between Back and Next. */
export function StepBarActions(props: { children: ReactNode }) {
  return <InSlot slot="actions">{props.children}</InSlot>;
}

/** The progress of the step's main action, in the bar above its buttons. */
export function StepBarStatus(props: { children: ReactNode }) {
  return <InSlot slot="status">{props.children}</InSlot>;
}
