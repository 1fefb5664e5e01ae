import { usePageTitle } from '../hooks/usePageTitle.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { AboutPraxis } from './AboutPraxis.tsx';

/** What Praxis is and which practice model it starts from, one link away from every home page. */
export function AboutPage() {
  const organization = useOrganization();
  usePageTitle('About Praxis', organization.name);
  return <AboutPraxis />;
}
