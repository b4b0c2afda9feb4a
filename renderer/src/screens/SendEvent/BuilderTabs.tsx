import type { ReactElement } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { EventForm } from './EventForm';
import { JsonEditor } from './JsonEditor';
import type { BuilderMode, SendBuilder } from './useSendBuilder';

export interface BuilderTabsProps {
  builder: SendBuilder;
  profileTrackerKey: string;
}

/** Form and JSON: two views of the same request; switching keeps the data (or says why not). */
export function BuilderTabs({ builder, profileTrackerKey }: BuilderTabsProps): ReactElement {
  return (
    <section className="card" aria-labelledby="se-builder-title">
      <h2 id="se-builder-title" className="section-title">
        Request
      </h2>
      <Tabs
        selectedKey={builder.mode}
        onSelectionChange={(key) => builder.switchMode(key as BuilderMode)}
        className="se-tabs"
      >
        <TabList aria-label="Edit the request as" className="se-tabs__list">
          <Tab id="form" className="se-tabs__tab">
            Form
          </Tab>
          <Tab id="json" className="se-tabs__tab">
            JSON
          </Tab>
        </TabList>
        {builder.notice ? (
          <p className="notice notice--warning" role="alert">
            {builder.notice}
          </p>
        ) : null}
        <TabPanel id="form" className="se-tabs__panel">
          <EventForm builder={builder} profileTrackerKey={profileTrackerKey} />
        </TabPanel>
        <TabPanel id="json" className="se-tabs__panel">
          <JsonEditor
            text={builder.jsonText}
            onChange={builder.setJsonText}
            issues={builder.jsonIssues}
            eventCount={builder.request?.events.length ?? null}
          />
        </TabPanel>
      </Tabs>
    </section>
  );
}
