import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { errorMessageOf } from '../api/client.ts';
import { logOut } from '../api/session.ts';
import { queryKeys } from '../query-keys.ts';

/** Ends the session, forgets every cached record and returns to the sign-in page. */
export function useLogOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logOut,
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.session, null);
      void navigate('/login', { replace: true });
      notifications.show({ color: 'teal', message: 'You are signed out.' });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Could not sign out', message: errorMessageOf(error) }),
  });
}
