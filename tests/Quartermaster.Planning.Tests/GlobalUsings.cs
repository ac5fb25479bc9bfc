global using Quartermaster.Core;
global using Quartermaster.Planning;
