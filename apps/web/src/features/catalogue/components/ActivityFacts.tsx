import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '../../../api/types';

/** Type, delivery mode and languages as badges (dark text on light colours for contrast). */
export function ActivityBadges({ activity }: { activity: CatalogueItem }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Badge variant="light" color="trta" c="dark.8">
        {t(`types.${activity.type}`)}
      </Badge>
      <Badge variant="light" color="teal" c="dark.8">
        {t(`modes.${activity.deliveryMode}`)}
      </Badge>
      {activity.languages.map((language) => (
        <Badge key={language} variant="outline" color="gray" c="dark.6">
          {language.toUpperCase()}
        </Badge>
      ))}
    </Group>
  );
}
