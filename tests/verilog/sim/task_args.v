// Task input, output and inout arguments: inputs are copied in at the call, outputs and inouts copied out at return.
module top;
  reg [7:0] a, b, c;
  reg [3:0] nib;
  task swap;
    inout [7:0] x, y;
    reg [7:0] t;
    begin
      t = x; x = y; y = t;
    end
  endtask
  task split;
    input [7:0] v;
    output [3:0] hi, lo;
    begin
      hi = v[7:4];
      lo = v[3:0];
    end
  endtask
  task add_to_global;
    input [7:0] v;
    c = c + v;
  endtask
  initial begin
    a = 1; b = 2; c = 0;
    swap(a, b);
    $display("%0d %0d", a, b);
    split(8'hC7, nib, c[3:0]);
    $display("%h %h", nib, c);
    add_to_global(5);
    add_to_global(c);
    $display("%0d", c);
  end
endmodule
