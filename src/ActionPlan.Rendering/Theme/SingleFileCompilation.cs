using System.Reflection;
using Microsoft.CodeAnalysis;
using RazorLight;
using RazorLight.Caching;
using RazorLight.Compilation;
using RazorLight.Generation;
using RazorLight.Razor;

namespace ActionPlan.Rendering.Theme;

/// <summary>
/// Compiling a theme inside the standalone program. The program is one file that does not unpack itself (unpacking
/// 170 MB cost the first run about 0.4 s), so its libraries have no path on disk, and RazorLight looks for the
/// compiler's references by path (DependencyContext, Assembly.Location). Here the references are the libraries the
/// program has loaded, read from memory (<see cref="System.Reflection.Metadata.AssemblyExtensions.TryGetRawMetadata"/>), and the engine is put together
/// as RazorLightEngineBuilder.Build does, with that one part changed. Only an edited theme (--theme) compiles at all:
/// the default theme's templates ship compiled inside the program.
/// </summary>
public static class SingleFileCompilation
{
    /// <summary>True when this process runs from a single file without paths for its libraries.</summary>
    // IL3000 says Location is empty inside a single file: that emptiness is exactly what this asks.
#pragma warning disable IL3000
    public static bool Needed => string.IsNullOrEmpty(typeof(SingleFileCompilation).Assembly.Location);
#pragma warning restore IL3000

    public static RazorLightEngine Engine(RazorLightProject project, ICachingProvider cache, Assembly operatingAssembly, Action<ITemplatePage> prerender)
    {
        var options = new RazorLightOptions { DisableEncoding = false, EnableDebugMode = false, CachingProvider = cache, PreRenderCallbacks = [prerender] };
        var compiler = new RoslynCompilationService(new LoadedAssemblyReferences(), operatingAssembly, cache as IPrecompileCallback);
        var templates = new RazorTemplateCompiler(new RazorSourceGenerator(RazorLightsRazorEngine(), project, options.Namespaces), compiler, project, options);
        return new RazorLightEngine(new EngineHandler(options, templates, new TemplateFactoryProvider(), cache));
    }

    /// <summary>
    /// RazorLight's Razor configuration (its directives and passes), which it keeps internal; read once by name from the
    /// RazorLight version this project pins. If a later version moves it, the standalone program's test says so.
    /// </summary>
    private static Microsoft.AspNetCore.Razor.Language.RazorEngine RazorLightsRazorEngine() =>
        (Microsoft.AspNetCore.Razor.Language.RazorEngine)(typeof(RazorLightEngine).Assembly.GetType("RazorLight.DefaultRazorEngine", throwOnError: true)!
            .GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);

    /// <summary>
    /// The operating assembly and everything it references, transitively, as loaded in this process, plus the
    /// libraries a template may use without saying so (dynamic models).
    /// </summary>
    private sealed class LoadedAssemblyReferences : IMetadataReferenceManager
    {
        public HashSet<MetadataReference> AdditionalMetadataReferences { get; } = [];

        public IReadOnlyList<MetadataReference> Resolve(Assembly assembly)
        {
            var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
            void Visit(Assembly a)
            {
                if (!found.TryAdd(a.GetName().Name!, a)) return;
                foreach (var name in a.GetReferencedAssemblies())
                {
                    Assembly referenced;
                    try { referenced = Assembly.Load(name); }
                    catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException) { continue; }
                    Visit(referenced);
                }
            }
            Visit(assembly);
            foreach (var name in new[] { "Microsoft.CSharp", "System.Linq.Expressions", "System.Dynamic.Runtime", "netstandard" })
            {
                try { Visit(Assembly.Load(name)); }
                catch (Exception ex) when (ex is FileNotFoundException or FileLoadException) { }
            }
            var references = new List<MetadataReference>();
            foreach (var a in found.Values.OrderBy(a => a.GetName().Name, StringComparer.Ordinal))
                if (Metadata(a) is { } reference) references.Add(reference);
            references.AddRange(AdditionalMetadataReferences);
            return references;
        }

        private static unsafe MetadataReference? Metadata(Assembly assembly)
        {
            if (assembly.IsDynamic || !System.Reflection.Metadata.AssemblyExtensions.TryGetRawMetadata(assembly, out var blob, out var length)) return null;
            // The metadata stays where the runtime mapped it for the life of the process.
            return AssemblyMetadata.Create(ModuleMetadata.CreateFromMetadata((IntPtr)blob, length)).GetReference(display: assembly.GetName().Name);
        }
    }
}
