/* The pane's navigation: one row of tabs whatever the pane's width. Tabs that do not fit go into a
 * "More" menu at the end of the row (Fluent UI's Overflow, which measures the row as the pane is
 * resized); the selected tab is kept visible. Labels are short, the full name is the tooltip. */
import {
  Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Overflow, OverflowItem, Tab, TabList,
  makeStyles, tokens, useIsOverflowItemVisible, useOverflowMenu,
} from "@fluentui/react-components";
import type { PanelEntry } from "./panelList";

const useStyles = makeStyles({
  tabs: {
    flexWrap: "nowrap",
    minWidth: 0,
    overflow: "hidden",
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalXS})`,
  },
  tab: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    flexShrink: 0,
    "& .fui-Tab__content": { fontSize: tokens.fontSizeBase200, paddingLeft: 0, paddingRight: 0 },
  },
  more: { minWidth: "auto", flexShrink: 0, fontSize: tokens.fontSizeBase200, paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
});

export function PaneNavigation({ panels, selected, onSelect }: { panels: readonly PanelEntry[]; selected: string; onSelect: (id: string) => void }) {
  const styles = useStyles();
  return (
    <Overflow minimumVisible={2} padding={8}>
      <TabList className={styles.tabs} size="small" selectedValue={selected} onTabSelect={(_e, data) => onSelect(String(data.value))} aria-label="Practice Ledger tasks">
        {panels.map((p) => (
          <OverflowItem key={p.id} id={p.id} priority={p.id === selected ? 2 : 1}>
            <Tab className={styles.tab} value={p.id} id={`tab-${p.id}`} aria-controls={`panel-${p.id}`} title={p.title}>
              {p.label}
            </Tab>
          </OverflowItem>
        ))}
        <MoreMenu panels={panels} onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}

function MoreMenu({ panels, onSelect }: { panels: readonly PanelEntry[]; onSelect: (id: string) => void }) {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} className={styles.more} appearance="transparent" size="small" aria-label={`${overflowCount} more tasks`}>
          More ▾
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {panels.map((p) => (
            <HiddenTabItem key={p.id} panel={p} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function HiddenTabItem({ panel, onSelect }: { panel: PanelEntry; onSelect: (id: string) => void }) {
  const visible = useIsOverflowItemVisible(panel.id);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(panel.id)}>{panel.title ?? panel.label}</MenuItem>;
}
