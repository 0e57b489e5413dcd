import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { Component, Suspense, type ReactNode } from "react";

type StepBoundaryProps = {
  /** The step shown: a failure is forgotten when the user moves to another. */
  step: string;
  /** Shown while a step's file loads. */
  loadingLabel: string;
  /** Shown instead of the step when its file could not be loaded. */
  failedMessage: string;
  children: ReactNode;
};

/**
 * Around a lazily loaded step: a spinner while its file loads, and a message rather than a blank
 * pane when it cannot be loaded (the other steps keep working).
 */
export class StepBoundary extends Component<StepBoundaryProps, { step: string; failed: boolean }> {
  override state = { step: this.props.step, failed: false };
  static getDerivedStateFromProps(props: StepBoundaryProps, state: { step: string }) {
    return props.step === state.step ? null : { step: props.step, failed: false };
  }
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    // The Suspense boundary stays mounted, message or step, so that moving to another step keeps
    // what shows until that step is ready.
    return (
      <Suspense fallback={<Spinner size="small" label={this.props.loadingLabel} />}>
        {this.state.failed ? (
          <MessageBar intent="error">
            <MessageBarBody>{this.props.failedMessage}</MessageBarBody>
          </MessageBar>
        ) : (
          this.props.children
        )}
      </Suspense>
    );
  }
}
