/* Panels whose code loads the first time they are opened: each is its own chunk (webpack's
 * dynamic import()), fetched from the add-in's own origin (webpack.config.js, output.publicPath),
 * so the pane's first load carries only the first panel. While a panel's chunk loads, a Fluent
 * Spinner stands in for it; a chunk that cannot be loaded (the add-in's server unreachable) is
 * said in plain words, and "Try again" fetches it again, instead of a blank pane. */
import { Component, lazy, Suspense, useState, type ComponentType, type LazyExoticComponent, type ReactNode } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";

/**
 * A panel component loaded on first render: `load` is `() => import("./panels/X").then((m) => m.X)`
 * (a named export), so every panel keeps its plain named export. A failed load is not cached:
 * the next render after "Try again" calls `load` again (React.lazy alone keeps the rejection).
 */
export function lazyPanel<P extends object>(load: () => Promise<ComponentType<P>>): { Panel: ComponentType<P>; retry: () => void } {
  // The lazy component takes exactly P (a panel has no ref): typed as the component it stands for.
  const loaded = (): ComponentType<P> => lazy(async () => ({ default: await load() })) as LazyExoticComponent<ComponentType<P>> as unknown as ComponentType<P>;
  let current = loaded();
  // A stable component that draws the current lazy one (retry() replaces it with a fresh load).
  const Panel = (props: P) => {
    const Loaded = current;
    return <Loaded {...props} />;
  };
  return {
    Panel,
    retry: () => {
      current = loaded();
    },
  };
}

interface BoundaryProps {
  onRetry: () => void;
  children: ReactNode;
}

/** Catches the failed load of a panel's chunk (and only shows it for that panel). */
class PanelLoadBoundary extends Component<BoundaryProps, { failed: string | null }> {
  constructor(props: BoundaryProps) {
    super(props);
    this.state = { failed: null };
  }

  static getDerivedStateFromError(error: unknown): { failed: string } {
    return { failed: error instanceof Error ? error.message : String(error) };
  }

  // Shown in the panel (render below); nothing is logged or sent anywhere.
  override render(): ReactNode {
    if (this.state.failed === null) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline" data-testid="panel-load-error">
        <MessageBarBody>
          <MessageBarTitle>This panel could not be loaded</MessageBarTitle> Its code did not arrive from the add-in ({this.state.failed}). Check the connection, then try again.
        </MessageBarBody>
        <MessageBarActions>
          <Button
            onClick={() => {
              this.props.onRetry();
              this.setState({ failed: null });
            }}
          >
            Try again
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}

/** Draws a lazily loaded panel: a Spinner while its chunk loads, a plain message if it fails. */
export function PanelLoader({ label, onRetry, children }: { label: string; onRetry: () => void; children: ReactNode }) {
  // A new key after a retry remounts the Suspense boundary so the panel's load starts again.
  const [attempt, setAttempt] = useState(0);
  return (
    <PanelLoadBoundary
      key={attempt}
      onRetry={() => {
        onRetry();
        setAttempt((n) => n + 1);
      }}
    >
      <Suspense fallback={<Spinner size="small" label={`Loading ${label}…`} data-testid="panel-loading" />}>{children}</Suspense>
    </PanelLoadBoundary>
  );
}
