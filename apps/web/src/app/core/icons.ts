import { IconDefinition } from '@ant-design/icons-angular';
import {
  ArrowLeftOutline,
  BellOutline,
  CameraOutline,
  DeleteOutline,
  DownloadOutline,
  EditOutline,
  GlobalOutline,
  LockOutline,
  LogoutOutline,
  MenuFoldOutline,
  MenuOutline,
  MenuUnfoldOutline,
  MinusSquareOutline,
  PlusOutline,
  PlusSquareOutline,
  ReloadOutline,
  SearchOutline,
  UserOutline,
} from '@ant-design/icons-angular/icons';

/**
 * The icons of the frame and the shared components, beyond those ng-zorro registers itself (the
 * tree's line switchers need the square ones). Each feature adds its own (FeatureDescriptor.icons
 * and its menu's); all are registered statically so nothing is fetched at run time.
 */
export const CORE_ICONS: readonly IconDefinition[] = [
  ArrowLeftOutline,
  BellOutline,
  CameraOutline,
  DeleteOutline,
  DownloadOutline,
  EditOutline,
  GlobalOutline,
  LockOutline,
  LogoutOutline,
  MenuFoldOutline,
  MenuOutline,
  MenuUnfoldOutline,
  MinusSquareOutline,
  PlusOutline,
  PlusSquareOutline,
  ReloadOutline,
  SearchOutline,
  UserOutline,
];
