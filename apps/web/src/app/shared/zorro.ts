import { NzAlertComponent } from 'ng-zorro-antd/alert';
import { NzAvatarComponent } from 'ng-zorro-antd/avatar';
import { NzBadgeComponent } from 'ng-zorro-antd/badge';
import { NzButtonComponent } from 'ng-zorro-antd/button';
import { NzCardComponent, NzCardGridDirective, NzCardMetaComponent } from 'ng-zorro-antd/card';
import { NzCheckboxComponent, NzCheckboxGroupComponent } from 'ng-zorro-antd/checkbox';
import { ɵNzTransitionPatchDirective } from 'ng-zorro-antd/core/transition-patch';
import { NzWaveDirective } from 'ng-zorro-antd/core/wave';
import { NzDatePickerComponent, NzRangePickerComponent } from 'ng-zorro-antd/date-picker';
import { NzDescriptionsComponent, NzDescriptionsItemComponent } from 'ng-zorro-antd/descriptions';
import { NzDividerComponent } from 'ng-zorro-antd/divider';
import { NzDrawerComponent, NzDrawerContentDirective } from 'ng-zorro-antd/drawer';
import { NzDropdownADirective, NzDropdownDirective, NzDropdownMenuComponent } from 'ng-zorro-antd/dropdown';
import { NzEmbedEmptyComponent, NzEmptyComponent } from 'ng-zorro-antd/empty';
import { NzFormControlComponent, NzFormDirective, NzFormItemComponent, NzFormLabelComponent, NzFormTextComponent } from 'ng-zorro-antd/form';
import { NzColDirective, NzRowDirective } from 'ng-zorro-antd/grid';
import { NzIconDirective } from 'ng-zorro-antd/icon';
import {
  NzAutosizeDirective,
  NzInputAddonAfterDirective,
  NzInputAddonBeforeDirective,
  NzInputDirective,
  NzInputGroupComponent,
  NzInputGroupWhitSuffixOrPrefixDirective,
  NzInputPrefixDirective,
  NzInputSuffixDirective,
} from 'ng-zorro-antd/input';
import { NzInputNumberComponent } from 'ng-zorro-antd/input-number';
import { NzContentComponent, NzFooterComponent, NzHeaderComponent, NzLayoutComponent, NzSiderComponent } from 'ng-zorro-antd/layout';
import { NzMenuDirective, NzMenuDividerDirective, NzMenuGroupComponent, NzMenuItemComponent, NzSubMenuComponent } from 'ng-zorro-antd/menu';
import { NzModalComponent, NzModalContentDirective, NzModalFooterDirective, NzModalTitleDirective } from 'ng-zorro-antd/modal';
import { NzPopconfirmDirective } from 'ng-zorro-antd/popconfirm';
import { NzProgressComponent } from 'ng-zorro-antd/progress';
import { NzResultComponent, NzResultExtraDirective } from 'ng-zorro-antd/result';
import { NzOptionComponent, NzOptionGroupComponent, NzSelectComponent } from 'ng-zorro-antd/select';
import { NzSpaceComponent, NzSpaceItemDirective } from 'ng-zorro-antd/space';
import { NzSpinComponent } from 'ng-zorro-antd/spin';
import { NzStepComponent, NzStepsComponent } from 'ng-zorro-antd/steps';
import { NzSwitchComponent } from 'ng-zorro-antd/switch';
import {
  NzCellAlignDirective,
  NzCellBreakWordDirective,
  NzCellEllipsisDirective,
  NzCellFixedDirective,
  NzTableCellDirective,
  NzTableComponent,
  NzTableFixedRowComponent,
  NzTbodyComponent,
  NzTdAddOnComponent,
  NzThAddOnComponent,
  NzThMeasureDirective,
  NzTheadComponent,
  NzTrDirective,
  NzTrExpandDirective,
} from 'ng-zorro-antd/table';
import { NzTagComponent } from 'ng-zorro-antd/tag';
import { NzTimelineComponent, NzTimelineItemComponent } from 'ng-zorro-antd/timeline';
import { NzTooltipDirective } from 'ng-zorro-antd/tooltip';
import { NzTreeComponent } from 'ng-zorro-antd/tree';
import { NzTreeSelectComponent } from 'ng-zorro-antd/tree-select';

/**
 * The ng-zorro building blocks the app uses, as standalone components and directives (not
 * NgModules, which would keep every declaration of each module in every chunk): the compiler
 * keeps only those a template really uses.
 */
export const ZORRO_IMPORTS = [
  NzAlertComponent,
  NzAvatarComponent,
  NzBadgeComponent,
  NzButtonComponent,
  NzWaveDirective,
  ɵNzTransitionPatchDirective,
  NzCardComponent,
  NzCardGridDirective,
  NzCardMetaComponent,
  NzCheckboxComponent,
  NzCheckboxGroupComponent,
  NzDatePickerComponent,
  NzRangePickerComponent,
  NzDescriptionsComponent,
  NzDescriptionsItemComponent,
  NzDividerComponent,
  NzDrawerComponent,
  NzDrawerContentDirective,
  NzDropdownDirective,
  NzDropdownADirective,
  NzDropdownMenuComponent,
  NzEmptyComponent,
  NzEmbedEmptyComponent,
  NzFormDirective,
  NzFormItemComponent,
  NzFormLabelComponent,
  NzFormControlComponent,
  NzFormTextComponent,
  NzRowDirective,
  NzColDirective,
  NzIconDirective,
  NzInputDirective,
  NzInputGroupComponent,
  NzInputGroupWhitSuffixOrPrefixDirective,
  NzInputAddonBeforeDirective,
  NzInputAddonAfterDirective,
  NzInputPrefixDirective,
  NzInputSuffixDirective,
  NzAutosizeDirective,
  NzInputNumberComponent,
  NzLayoutComponent,
  NzHeaderComponent,
  NzContentComponent,
  NzFooterComponent,
  NzSiderComponent,
  NzMenuDirective,
  NzMenuItemComponent,
  NzSubMenuComponent,
  NzMenuDividerDirective,
  NzMenuGroupComponent,
  NzModalComponent,
  NzModalContentDirective,
  NzModalFooterDirective,
  NzModalTitleDirective,
  NzPopconfirmDirective,
  NzProgressComponent,
  NzResultComponent,
  NzResultExtraDirective,
  NzSelectComponent,
  NzOptionComponent,
  NzOptionGroupComponent,
  NzSpaceComponent,
  NzSpaceItemDirective,
  NzSpinComponent,
  NzStepsComponent,
  NzStepComponent,
  NzSwitchComponent,
  NzTableComponent,
  NzTableFixedRowComponent,
  NzTheadComponent,
  NzTbodyComponent,
  NzTrDirective,
  NzTrExpandDirective,
  NzTableCellDirective,
  NzThMeasureDirective,
  NzThAddOnComponent,
  NzTdAddOnComponent,
  NzCellFixedDirective,
  NzCellAlignDirective,
  NzCellBreakWordDirective,
  NzCellEllipsisDirective,
  NzTagComponent,
  NzTimelineComponent,
  NzTimelineItemComponent,
  NzTooltipDirective,
  NzTreeComponent,
  NzTreeSelectComponent,
] as const;
