import { useRef, useState } from 'react';
import type { KeyboardEvent, ReactElement } from 'react';
import type { SendHistoryEntry } from '../../../../shared/send-history';
import type { DraftRequest } from '../../../../shared/send-draft';
import { useSendHistory } from '../../api/useSendHistory';
import { useSendRequest } from '../../api/useSendRequest';
import { useSendTarget } from '../../api/useSendTarget';
import { useSendTemplates } from '../../api/useSendTemplates';
import { ScreenLayout } from '../../components/ScreenLayout';
import { BuilderTabs } from './BuilderTabs';
import { HistoryPanel } from './HistoryPanel';
import { ResponsePanel } from './ResponsePanel';
import type { PanelContent } from './ResponsePanel';
import { SendBar } from './SendBar';
import { TargetSummary } from './TargetSummary';
import { TemplateBar } from './TemplateBar';
import { blockedReason } from './blocked-reason';
import { outcomeSentence } from './response-text';
import { useSendBuilder } from './useSendBuilder';
import './send-event.css';
import './send-event-tabs.css';
import './send-event-results.css';

export function SendEventScreen(): ReactElement {
  const builder = useSendBuilder();
  const target = useSendTarget();
  const sender = useSendRequest();
  const history = useSendHistory();
  const templates = useSendTemplates();
  const [panel, setPanel] = useState<PanelContent | null>(null);
  const [status, setStatus] = useState('');
  const responseHeading = useRef<HTMLHeadingElement>(null);
  // The signal tests wait on: the profile, the templates and the history have all answered.
  const loaded =
    (target.target !== null || target.error !== null) &&
    templates.loaded &&
    (history.list !== null || history.error !== null);

  const send = async (request: DraftRequest, profileId?: string) => {
    if (sender.sending) return;
    setStatus('Sending…');
    const result = await sender.send(request, profileId);
    if (!result.ok) {
      // The profile or the request must change first: say where; anything else is the app's own.
      if (result.code === 'settings' || result.code === 'invalid_input') {
        const fix = result.code === 'settings' ? 'settings' : 'request';
        setPanel({ kind: 'notSent', message: result.message, fix });
        setStatus(`Nothing was sent. ${result.message}`);
      } else {
        setPanel({ kind: 'error', message: result.message });
        setStatus('The request could not be sent.');
      }
      return;
    }
    const { outcome } = result;
    setPanel({ kind: 'entry', entry: outcome.entry, fromHistory: false });
    setStatus(
      outcome.historyProblem === null
        ? outcomeSentence(outcome.entry)
        : `${outcomeSentence(outcome.entry)} ${outcome.historyProblem}`,
    );
    history.refresh();
  };

  const sendBuilt = () => {
    if (builder.request) void send(builder.request);
    else builder.revealProblems();
  };

  // Capture phase: a focused button would otherwise take Ctrl+Enter as a press of itself.
  const onKeyDownCapture = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      sendBuilt();
    }
  };

  const open = async (id: string) => {
    const entry = await history.open(id);
    setPanel(
      entry
        ? { kind: 'entry', entry, fromHistory: true }
        : { kind: 'error', message: 'This request is no longer in the history.' },
    );
    responseHeading.current?.focus();
  };

  const duplicate = (entry: SendHistoryEntry) => {
    builder.loadRequest(entry.request);
    setStatus('The request is in the builder: change it and send it again.');
    document.getElementById('se-builder-title')?.scrollIntoView({ block: 'start' });
  };

  return (
    <ScreenLayout
      title="Send event"
      summary="Build a single event by hand, send it to Customerscore and read the server's exact answer. Useful for checking that a customer's setup works."
    >
      <div
        className="se-screen"
        data-state={loaded ? 'ready' : 'loading'}
        onKeyDownCapture={onKeyDownCapture}
      >
        <TargetSummary target={target.target} error={target.error} />
        <TemplateBar
          templates={templates.templates}
          error={templates.error}
          onLoad={(template) => builder.loadContent(template.content)}
          onSave={templates.save}
          onDelete={templates.remove}
          currentContent={builder.templateContent}
        />
        <BuilderTabs builder={builder} profileTrackerKey={target.target?.trackerKey ?? ''} />
        <SendBar
          canSend={builder.request !== null}
          sending={sender.sending}
          blockedReason={blockedReason(builder)}
          status={status}
          onSend={sendBuilt}
          copying={sender.copying}
          curl={sender.curl}
          onCopy={(reveal) => {
            if (builder.request) void sender.copyAsCurl(builder.request, reveal);
          }}
        />
        <ResponsePanel
          content={panel}
          headingRef={responseHeading}
          busy={sender.sending}
          onDuplicate={duplicate}
          onResend={(entry) => void send(entry.request, entry.profile.id)}
        />
        <HistoryPanel
          history={history}
          openId={panel?.kind === 'entry' ? panel.entry.id : null}
          onOpen={(id) => void open(id)}
        />
      </div>
    </ScreenLayout>
  );
}
