import { requireParts } from './global-setup';

export default function setup(): void {
  requireParts(['gnome-keyring', 'D-Bus']);
}
