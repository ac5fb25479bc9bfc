global using Quartermaster.Core;
