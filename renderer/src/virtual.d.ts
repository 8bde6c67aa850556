/** The antd design tokens baked into static CSS at build time (build/antdThemeCss.ts). */
declare module 'virtual:antd-theme.css';
