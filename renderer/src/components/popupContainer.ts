/**
 * Where an antd popup (Select, DatePicker, Popconfirm…) opens when its field is inside the
 * native <dialog> of components/Modal: in that dialog, since the dialog sits in the browser's
 * top layer and hides anything portalled to <body>. Elsewhere: <body>, antd's default.
 */
export const inDialog = (node: HTMLElement): HTMLElement => node.closest('dialog') ?? document.body;
