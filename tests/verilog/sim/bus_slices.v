// A bus driven slice by slice: port connections of a generate loop, continuous assignments to
// constant and variable slices, and non-blocking writes to parts of a vector. Each slice write
// must wake the readers of the bus, and only when a bit changes.
module slice_cell #(parameter K = 0) (input clk, input [7:0] in, output [7:0] out);
  reg [7:0] q = 8'h00;
  always @(posedge clk) q <= q + in + K;
  assign out = q ^ 8'h5a;
endmodule

module bus_slices;
  reg clk = 0;
  reg [7:0] seed = 8'h01;
  wire [31:0] bus;
  wire [15:0] half;
  reg [31:0] acc = 0;
  reg [15:0] nb = 16'hxxxx;
  reg [2:0] sel = 0;
  wire [3:0] vslice;
  integer wakes = 0, w0 = 0;
  genvar i;
  generate
    for (i = 0; i < 4; i = i + 1) begin : g
      localparam [7:0] KI = i;
      slice_cell #(.K(i)) c(.clk(clk), .in(seed + KI), .out(bus[8*i +: 8]));
    end
  endgenerate
  assign half[7:0] = bus[15:8];
  assign half[15:8] = bus[7:0] & 8'h0f;
  assign vslice = bus[4*sel +: 4];
  always @(bus) wakes = wakes + 1;
  always @(posedge clk) begin
    nb[3:0] <= bus[3:0];
    nb[11:8] <= 4'b10x1;
    acc[8*sel +: 8] <= acc[8*sel +: 8] ^ half[7:0];
    sel <= sel + 1;
  end
  always #5 clk = ~clk;
  initial begin
    #1 w0 = wakes; // whether time 0's values wake @(bus) is a race: count from here
    $display("t=%0t bus=%h half=%h nb=%h vslice=%h", $time, bus, half, nb, vslice);
    repeat (12) begin
      @(negedge clk);
      $display("t=%0t bus=%h half=%h nb=%h acc=%h sel=%0d vslice=%h wakes=%0d", $time, bus,
               half, nb, acc, sel, vslice, wakes - w0);
    end
    seed = 8'h00;
    @(negedge clk) $display("t=%0t bus=%h wakes=%0d", $time, bus, wakes - w0);
    $finish;
  end
endmodule
