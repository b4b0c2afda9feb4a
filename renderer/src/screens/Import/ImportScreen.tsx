import type { ReactElement } from 'react';
import { ScreenLayout } from '../../components/ScreenLayout';
import { useImportWizard } from '../../api/useImportWizard';
import { ChooseFileStep } from './ChooseFileStep';
import { MapStep } from './MapStep';
import { ResumeOffers } from './ResumeOffers';
import { ReviewStep } from './ReviewStep';
import { SendStep } from './SendStep';
import { StepIndicator } from './StepIndicator';
import './import.css';

export function ImportScreen(): ReactElement {
  const { state, ready } = useImportWizard();
  return (
    <ScreenLayout
      title="Import"
      // The review table needs the window's width.
      wide
      summary="Send a spreadsheet of customer events (CSV, TSV, Excel or OpenDocument) to Customerscore: match its columns to the event's fields, see every problem before anything is sent, then follow the upload until it is done."
    >
      <div className="im-wizard" data-step={state.step} data-state={ready ? 'ready' : 'loading'}>
        {state.step !== 'send' && (
          <ResumeOffers
            jobs={state.interrupted}
            busy={state.busy}
            problem={state.resumeProblem}
            question={state.resumeQuestion}
          />
        )}
        <StepIndicator step={state.step} />
        {state.step === 'file' && <ChooseFileStep state={state} />}
        {state.step === 'map' && state.open && <MapStep state={state} open={state.open} />}
        {state.step === 'review' && state.open && <ReviewStep state={state} open={state.open} />}
        {state.step === 'send' && <SendStep state={state} />}
      </div>
    </ScreenLayout>
  );
}
