import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AboutPage } from './home/AboutPage.tsx';
import { OrganizationHomePage } from './home/OrganizationHomePage.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { LoadingPage } from './layout/LoadingPage.tsx';
import { NotFoundPage } from './layout/NotFoundPage.tsx';
import { CreateOrganizationPage } from './organizations/CreateOrganizationPage.tsx';
import { OrganizationScope } from './organizations/OrganizationScope.tsx';
import { RequireAdministrator } from './organizations/RequireAdministrator.tsx';
import { RootRedirect } from './organizations/RootRedirect.tsx';
import { PracticeModelsPage } from './practice-models/PracticeModelsPage.tsx';
import { ProfilePage } from './profile/ProfilePage.tsx';
import { LoginPage } from './session/LoginPage.tsx';
import { RequireSession } from './session/RequireSession.tsx';

// Administration is visited rarely and by few; it loads on demand.
const MembersPage = lazy(() => import('./members/MembersPage.tsx'));
const SurveyPage = lazy(() => import('./surveys/SurveyPage.tsx'));
const UnsubscribePage = lazy(() => import('./email/UnsubscribePage.tsx'));
const InvitationPage = lazy(() => import('./invitations/InvitationPage.tsx'));
const TokensPage = lazy(() => import('./tokens/TokensPage.tsx'));
// The support record: charts and forms load with the first of its pages.
const EngagementsPage = lazy(() => import('./engagements/EngagementsPage.tsx'));
const EngagementPage = lazy(() => import('./engagements/EngagementPage.tsx'));
const NewEngagementPage = lazy(() => import('./engagements/NewEngagementPage.tsx'));
const EditEngagementPage = lazy(() => import('./engagements/EditEngagementPage.tsx'));
const StagePlanPage = lazy(() => import('./plans/StagePlanPage.tsx'));
const SignalSettingsPage = lazy(() => import('./plans/SignalSettingsPage.tsx'));
const ResearchSettingsPage = lazy(() => import('./research/ResearchSettingsPage.tsx'));
const ImportInteractionsPage = lazy(() => import('./imports/ImportInteractionsPage.tsx'));
const ImportMappingPage = lazy(() => import('./imports/ImportMappingPage.tsx'));
const LogInteractionPage = lazy(() => import('./interactions/LogInteractionPage.tsx'));
const InteractionsPage = lazy(() => import('./interactions/InteractionsPage.tsx'));
const InteractionPage = lazy(() => import('./interactions/InteractionPage.tsx'));
const EditInteractionPage = lazy(() => import('./interactions/EditInteractionPage.tsx'));
const PartnersPage = lazy(() => import('./partners/PartnersPage.tsx'));
const PartnerPage = lazy(() => import('./partners/PartnerPage.tsx'));
const DashboardPage = lazy(() => import('./dashboard/DashboardPage.tsx'));
const AnalysisPage = lazy(() => import('./analysis/AnalysisPage.tsx'));
const ResearchExportPage = lazy(() => import('./research/ResearchExportPage.tsx'));
const InstrumentsPage = lazy(() => import('./measurement/InstrumentsPage.tsx'));
const HypothesesPage = lazy(() => import('./hypotheses/HypothesesPage.tsx'));
const RegisterHypothesisPage = lazy(() => import('./hypotheses/RegisterHypothesisPage.tsx'));
const HypothesisPage = lazy(() => import('./hypotheses/HypothesisPage.tsx'));
const InstrumentPage = lazy(() => import('./measurement/InstrumentPage.tsx'));
const EngagementMeasurementPage = lazy(() => import('./measurement/EngagementMeasurementPage.tsx'));

const onDemand = (page: ReactNode) => <Suspense fallback={<LoadingPage />}>{page}</Suspense>;
// The model page and editor carry the model engine (and the editor a YAML parser); only their visitors load them.
const PracticeModelPage = lazy(() => import('./practice-models/PracticeModelPage.tsx'));
const CoachingPage = lazy(() => import('./coaching/CoachingPage.tsx'));
const PractitionerCoachingPage = lazy(() => import('./coaching/PractitionerCoachingPage.tsx'));
const PartnerEngagementPage = lazy(() => import('./partner-view/PartnerEngagementPage.tsx'));
const ReviewInteractionPage = lazy(() => import('./coaching/ReviewInteractionPage.tsx'));
const ObservationPage = lazy(() => import('./coaching/ObservationPage.tsx'));
const ModelEditorPage = lazy(() => import('./practice-models/ModelEditorPage.tsx'));

/** Every page of the app and the URL it lives at. */
export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/survey/:token" element={onDemand(<SurveyPage />)} />
        <Route path="/invitation/:token" element={onDemand(<InvitationPage />)} />
        <Route path="/unsubscribe/:token" element={onDemand(<UnsubscribePage />)} />
        <Route element={<RequireSession />}>
          <Route element={<AppLayout />}>
            <Route index element={<RootRedirect />} />
            <Route path="profile" element={<ProfilePage />} />
            <Route path="orgs/new" element={<CreateOrganizationPage />} />
            <Route path="orgs/:orgId" element={<OrganizationScope />}>
              <Route index element={<OrganizationHomePage />} />
              <Route path="models" element={<PracticeModelsPage />} />
              <Route path="engagements" element={onDemand(<EngagementsPage />)} />
              <Route path="engagements/new" element={onDemand(<NewEngagementPage />)} />
              <Route path="engagements/:engagementId" element={onDemand(<EngagementPage />)} />
              <Route path="engagements/:engagementId/edit" element={onDemand(<EditEngagementPage />)} />
              <Route path="engagements/:engagementId/log" element={onDemand(<LogInteractionPage />)} />
              <Route path="engagements/:engagementId/plans/:stageId" element={onDemand(<StagePlanPage />)} />
              <Route path="interactions" element={onDemand(<InteractionsPage />)} />
              <Route path="interactions/import" element={onDemand(<ImportInteractionsPage />)} />
              <Route path="interactions/import-mapping" element={onDemand(<ImportMappingPage />)} />
              <Route path="interactions/:interactionId" element={onDemand(<InteractionPage />)} />
              <Route path="interactions/:interactionId/edit" element={onDemand(<EditInteractionPage />)} />
              <Route path="partners" element={onDemand(<PartnersPage />)} />
              <Route path="partners/:partnerId" element={onDemand(<PartnerPage />)} />
              <Route path="dashboard" element={onDemand(<DashboardPage />)} />
              <Route path="analysis" element={onDemand(<AnalysisPage />)} />
              <Route path="research/export" element={onDemand(<ResearchExportPage />)} />
              <Route path="instruments" element={onDemand(<InstrumentsPage />)} />
              <Route path="hypotheses" element={onDemand(<HypothesesPage />)} />
              <Route path="hypotheses/new" element={onDemand(<RegisterHypothesisPage />)} />
              <Route path="hypotheses/:hypothesisId" element={onDemand(<HypothesisPage />)} />
              <Route path="instruments/:instrumentId" element={onDemand(<InstrumentPage />)} />
              <Route path="engagements/:engagementId/measurement" element={onDemand(<EngagementMeasurementPage />)} />
              <Route path="about" element={<AboutPage />} />
              <Route path="coaching" element={onDemand(<CoachingPage />)} />
              <Route path="our-engagements/:engagementId" element={onDemand(<PartnerEngagementPage />)} />
              <Route path="coaching/:userId" element={onDemand(<PractitionerCoachingPage />)} />
              <Route path="interactions/:interactionId/review" element={onDemand(<ReviewInteractionPage />)} />
              <Route path="engagements/:engagementId/observe" element={onDemand(<ObservationPage />)} />
              <Route
                path="models/new"
                element={
                  <Suspense fallback={<LoadingPage />}>
                    <ModelEditorPage />
                  </Suspense>
                }
              />
              <Route
                path="models/:modelId"
                element={
                  <Suspense fallback={<LoadingPage />}>
                    <PracticeModelPage />
                  </Suspense>
                }
              />
              <Route
                path="models/:modelId/edit"
                element={
                  <Suspense fallback={<LoadingPage />}>
                    <ModelEditorPage />
                  </Suspense>
                }
              />
              <Route path="admin" element={<RequireAdministrator />}>
                <Route
                  path="members"
                  element={
                    <Suspense fallback={<LoadingPage />}>
                      <MembersPage />
                    </Suspense>
                  }
                />
                <Route
                  path="tokens"
                  element={
                    <Suspense fallback={<LoadingPage />}>
                      <TokensPage />
                    </Suspense>
                  }
                />
                <Route
                  path="signals"
                  element={
                    <Suspense fallback={<LoadingPage />}>
                      <SignalSettingsPage />
                    </Suspense>
                  }
                />
                <Route
                  path="research"
                  element={
                    <Suspense fallback={<LoadingPage />}>
                      <ResearchSettingsPage />
                    </Suspense>
                  }
                />
              </Route>
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
