import { createDOMRenderer, RendererProvider } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import type { ReactElement } from "react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import type { Language } from "../../../src/engine/language";
import type { ExcelPort } from "../../../src/excel/excelPort";
import { createExcelPort } from "../../../src/excel/createExcelPort";
import { generateHistory } from "../../../src/sample/generateHistory";
import { Pane } from "../../../src/taskpane/app/Pane";
import { UI_STRINGS } from "../../../src/taskpane/i18n/I18nContext";
import { STEPS, type StepId } from "../../../src/taskpane/i18n/uiStrings";
import { createFakeWorkbook, type FakeWorkbook } from "../../support/excelFake";

/**
 * Renders with Fluent's styles kept out of the page's document: jsdom computes styles by matching
 * every one of Fluent's thousands of atomic CSS rules, which turns each positioning or accessible
 * name computation into seconds. Nothing the tests look at depends on those styles.
 */
export function renderUnstyled(element: ReactElement) {
  const renderer = createDOMRenderer(document.implementation.createHTMLDocument("styles"));
  return render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      {element}
    </RendererProvider>,
  );
}

/** A small sample history: the bundled sample's shape, fewer rows so that jsdom stays quick. */
export function sampleWorkbook(language: Language = "en-US", rows = 400): FakeWorkbook {
  const grid = generateHistory({
    language,
    planYear: 2026,
    actualMonths: 4,
    rows,
    seed: 20260101,
    messy: true,
  });
  return createFakeWorkbook({
    sheets: [
      { name: grid.sheet, values: grid.values, numberFormats: grid.numberFormats },
      { name: "Notes", values: [["Our own notes"]] },
    ],
    activeSheet: grid.sheet,
  });
}

/**
 * A step's tab by its text: its number and name, then the count of its step's problems when it
 * has any ("3. Breakdown, 2 problems").
 */
export function tabName(number: number, step: string): RegExp {
  const text = `${number}. ${step}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${text}([,，].*)?$`);
}

/** Opens a folded card (a level or a lock) by its title, and returns it. */
export async function openCard(
  user: PaneHarness["user"],
  title: string | RegExp,
): Promise<HTMLElement> {
  const card = screen.getByRole("group", { name: title });
  const toggle = within(card).getAllByRole("button")[0];
  if (toggle.getAttribute("aria-expanded") === "false") await user.click(toggle);
  return card;
}

export type PaneHarness = {
  fake: FakeWorkbook;
  port: ExcelPort;
  user: ReturnType<typeof userEvent.setup>;
  t: (typeof UI_STRINGS)[Language];
  unmount: () => void;
  /** Clicks the step's tab and waits for its heading. */
  goTo(step: StepId): Promise<void>;
};

/** Renders the pane over the real Excel port and an in-memory workbook; waits until it has read the history. */
export async function renderPane(
  options: {
    fake?: FakeWorkbook;
    language?: Language;
    port?: (real: ExcelPort) => ExcelPort;
  } = {},
): Promise<PaneHarness> {
  const language = options.language ?? "en-US";
  const fake = options.fake ?? sampleWorkbook(language);
  const real = createExcelPort(fake.host, { isSetSupported: fake.isSetSupported });
  const port = options.port ? options.port(real) : real;
  // jsdom's getComputedStyle walks every one of Fluent's style rules: checking pointer-events on
  // each click would take seconds, and the pane never disables pointer events.
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  const t = UI_STRINGS[language];
  const view = renderUnstyled(<Pane port={port} language={language} theme="light" />);
  await screen.findByRole("tablist", {}, { timeout: 10000 });
  await waitFor(() => expect(screen.queryByText(t.data.reading)).toBeNull());
  const goTo = async (step: StepId) => {
    const index = STEPS.indexOf(step);
    const tab = screen.getByRole("tab", { name: tabName(index + 1, t.steps[step]) });
    const moves = tab.getAttribute("aria-selected") !== "true";
    await user.click(tab);
    if (moves) await stepFocused(t.steps[step]);
    else await screen.findByRole("heading", { level: 2, name: new RegExp(`^${t.steps[step]}`) });
  };
  return { fake, port, user, t, unmount: view.unmount, goTo };
}

/**
 * Waits for a step the user moved to: its heading shows, then takes the focus (a frame after the
 * step is painted). Typing before that would lose keys to the heading, as a user's would.
 */
export async function stepFocused(title: string): Promise<HTMLElement> {
  const heading = await screen.findByRole("heading", { level: 2, name: new RegExp(`^${title}`) });
  await waitFor(() => expect(document.activeElement).toBe(heading));
  return heading;
}

/** The Fluent Field (label, control and message) that holds a labelled control. */
export function fieldOf(label: string | RegExp): HTMLElement {
  const control = screen.getByLabelText(label);
  const field = control.closest<HTMLElement>("[id^='stp-field-'], .fui-Field");
  if (!field) throw new Error(`no field around ${String(label)}`);
  return field;
}

/** Picks an option of a Fluent Dropdown or Combobox by the control's label. */
export async function choose(
  user: PaneHarness["user"],
  label: string | RegExp,
  option: string | RegExp,
): Promise<void> {
  await user.click(screen.getByRole("combobox", { name: label }));
  const listbox = await screen.findByRole("listbox");
  await user.click(within(listbox).getByRole("option", { name: option }));
}
